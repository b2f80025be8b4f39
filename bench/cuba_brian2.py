#!/usr/bin/python3
"""CUBA benchmark (Brette et al. 2007, benchmark 2) in Brian2, as in Brian2's examples/CUBA.py.

Usage: /usr/bin/python3 cuba_brian2.py --device cpp_standalone|runtime --duration 5 [--seed 1] [--dir DIR]
Prints one JSON object on the last line of stdout: device, sim_seconds, neurons, synapses, spikes,
synaptic_events, mean_rate_hz, run_seconds (simulation loop only: Brian2's own results/last_run_info.txt for
cpp_standalone, the timed run() call for runtime) and process_seconds (whole script).
"""
import argparse
import json
import os
import time

T0 = time.perf_counter()
import brian2 as b2  # noqa: E402
from brian2 import ms, mV, second  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--device", choices=["cpp_standalone", "runtime"], default="cpp_standalone")
parser.add_argument("--duration", type=float, default=5.0)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--dir", default="/tmp/cuba_brian2_standalone")
args = parser.parse_args()

if args.device == "cpp_standalone":
    b2.set_device("cpp_standalone", directory=args.dir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = 0  # one core: no OpenMP
else:
    b2.prefs.codegen.target = "cython"
b2.defaultclock.dt = 0.1 * ms
b2.seed(args.seed)

taum = 20 * ms
taue = 5 * ms
taui = 10 * ms
Vt = -50 * mV
Vr = -60 * mV
El = -49 * mV

eqs = """
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
"""

P = b2.NeuronGroup(4000, eqs, threshold="v>Vt", reset="v = Vr", refractory=5 * ms, method="exact")
P.v = "Vr + rand() * (Vt - Vr)"
P.ge = 0 * mV
P.gi = 0 * mV

we = (60 * 0.27 / 10) * mV  # excitatory synaptic weight (voltage)
wi = (-20 * 4.5 / 10) * mV  # inhibitory synaptic weight
Ce = b2.Synapses(P, P, on_pre="ge += we")
Ci = b2.Synapses(P, P, on_pre="gi += wi")
Ce.connect("i<3200", p=0.02)
Ci.connect("i>=3200", p=0.02)
s_mon = b2.SpikeMonitor(P)

if args.device == "cpp_standalone":
    b2.run(args.duration * second)
    b2.device.build(directory=args.dir, compile=True, run=True, debug=False)
    with open(os.path.join(args.dir, "results", "last_run_info.txt")) as f:
        run_seconds = float(f.read().split()[0])
else:
    # Compile the Cython code on a short run first, so the timed run measures simulation, not compilation.
    b2.run(1 * ms)
    start_spikes = s_mon.num_spikes
    start = time.perf_counter()
    b2.run(args.duration * second)
    run_seconds = time.perf_counter() - start

spikes = int(s_mon.num_spikes) if args.device == "cpp_standalone" else int(s_mon.num_spikes - start_spikes)
counts_i = s_mon.i[:] if args.device == "cpp_standalone" else s_mon.i[start_spikes:]
exc_spikes = int((counts_i < 3200).sum())
inh_spikes = spikes - exc_spikes
synapses = int(len(Ce) + len(Ci))
# Each spike of an excitatory (inhibitory) neuron is delivered along its outgoing Ce (Ci) synapses.
out_e = b2.np.bincount(b2.np.asarray(Ce.i[:]), minlength=4000)
out_i = b2.np.bincount(b2.np.asarray(Ci.i[:]), minlength=4000)
events = int((out_e[counts_i]).sum() + (out_i[counts_i]).sum())
print(json.dumps({
    "device": args.device,
    "brian2_version": b2.__version__,
    "sim_seconds": args.duration,
    "neurons": 4000,
    "synapses": synapses,
    "spikes": spikes,
    "synaptic_events": events,
    "mean_rate_hz": spikes / (4000 * args.duration),
    "run_seconds": run_seconds,
    "wall_seconds_per_sim_second": run_seconds / args.duration,
    "synaptic_events_per_second": events / run_seconds if run_seconds > 0 else 0,
    "process_seconds": time.perf_counter() - T0,
}))
