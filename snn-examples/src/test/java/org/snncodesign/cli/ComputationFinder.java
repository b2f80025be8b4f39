package org.snncodesign.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds domain computation in a class's bytecode, the part of {@link CliThinnessTest} that
 * dependency rules cannot see: floating-point arithmetic other than scaling by a literal power of
 * ten (seconds to milliseconds, a fraction to percent: printing), any integer arithmetic (sums,
 * counts, differences of counts, sizes multiplied, index arithmetic, {@code i++}), and
 * primitive-array element access inside a loop (summing, averaging, filling). Lambda bodies are
 * methods of the class, so they are read too.
 *
 * <p>Integer arithmetic has no allowance at all, not even a loop counter: a command iterates a list
 * (an iterator, no arithmetic), parses {@code NAME=VALUE} with {@code split}, and takes counts and
 * totals from the library's report records. Option bounds, which multiply sizes by nature, live in
 * {@code cli.options}, which {@link CliThinnessTest} leaves out as a whole.
 */
final class ComputationFinder {
  private static final Map<Integer, String> FLOAT_ARITHMETIC =
      opcodes("DADD DSUB DMUL DDIV DREM DNEG FADD FSUB FMUL FDIV FREM FNEG");
  // IINC is javac's i++ and i += constant: a loop counter or a tally.
  private static final Map<Integer, String> INTEGER_ARITHMETIC =
      opcodes("IADD ISUB IMUL IDIV IREM INEG LADD LSUB LMUL LDIV LREM LNEG IINC");
  private static final Map<Integer, String> PRIMITIVE_LOADS =
      opcodes("IALOAD LALOAD FALOAD DALOAD BALOAD CALOAD SALOAD");
  private static final Map<Integer, String> PRIMITIVE_STORES =
      opcodes("IASTORE LASTORE FASTORE DASTORE BASTORE CASTORE SASTORE");

  private ComputationFinder() {}

  /** The opcodes of {@link Opcodes} named, each to its lower-case mnemonic. */
  private static Map<Integer, String> opcodes(String names) {
    Map<Integer, String> opcodes = new HashMap<>();
    for (String name : names.split(" ")) {
      try {
        opcodes.put(Opcodes.class.getField(name).getInt(null), name.toLowerCase(Locale.ROOT));
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("no opcode " + name, e);
      }
    }
    return Map.copyOf(opcodes);
  }

  /** One line per finding, {@code Class.method (line N): what}, in bytecode order. */
  static List<String> find(InputStream classFile) throws IOException {
    ClassNode type = new ClassNode();
    new ClassReader(classFile).accept(type, ClassReader.SKIP_FRAMES);
    List<String> findings = new ArrayList<>();
    for (MethodNode method : type.methods) {
      if (method.instructions.size() == 0) {
        continue;
      }
      Frame<SourceValue>[] frames;
      try {
        frames = new Analyzer<>(new SourceInterpreter()).analyze(type.name, method);
      } catch (AnalyzerException e) {
        throw new IllegalStateException(type.name + "." + method.name + ": " + e.getMessage(), e);
      }
      boolean[] inLoop = loopBodies(method);
      for (int i = 0; i < method.instructions.size(); i++) {
        AbstractInsnNode insn = method.instructions.get(i);
        Frame<SourceValue> frame = frames[i];
        int op = insn.getOpcode();
        if (frame == null || op < 0) {
          continue;
        }
        String what = null;
        if (FLOAT_ARITHMETIC.containsKey(op) && !unitScaling(op, frame)) {
          what = "floating-point " + FLOAT_ARITHMETIC.get(op);
        } else if (INTEGER_ARITHMETIC.containsKey(op)) {
          what = "integer " + INTEGER_ARITHMETIC.get(op);
        } else if (inLoop[i] && PRIMITIVE_LOADS.containsKey(op) && !enumSwitchMap(frame, 2)) {
          what = "array read " + PRIMITIVE_LOADS.get(op) + " in a loop";
        } else if (inLoop[i] && PRIMITIVE_STORES.containsKey(op) && !enumSwitchMap(frame, 3)) {
          what = "array write " + PRIMITIVE_STORES.get(op) + " in a loop";
        }
        if (what != null) {
          findings.add(
              type.name.replace('/', '.')
                  + "."
                  + method.name
                  + " (line "
                  + line(insn)
                  + "): "
                  + what);
        }
      }
    }
    return findings;
  }

  /** Instructions between a backward jump's target and the jump: a loop's body. */
  private static boolean[] loopBodies(MethodNode method) {
    boolean[] inLoop = new boolean[method.instructions.size()];
    for (int i = 0; i < inLoop.length; i++) {
      if (method.instructions.get(i) instanceof JumpInsnNode jump) {
        int target = method.instructions.indexOf(jump.label);
        for (int k = target; k <= i && target <= i; k++) {
          inLoop[k] = true;
        }
      }
    }
    return inLoop;
  }

  /** {@code x * 1e6}, {@code 100 * x}, {@code x / 1000}: a change of unit for printing. */
  private static boolean unitScaling(int op, Frame<SourceValue> frame) {
    boolean multiply = op == Opcodes.DMUL || op == Opcodes.FMUL;
    boolean divide = op == Opcodes.DDIV || op == Opcodes.FDIV;
    int top = frame.getStackSize() - 1;
    return multiply && (powerOfTen(frame.getStack(top)) || powerOfTen(frame.getStack(top - 1)))
        || divide && powerOfTen(frame.getStack(top));
  }

  private static boolean powerOfTen(SourceValue value) {
    if (value.insns.size() != 1
        || !(value.insns.iterator().next() instanceof LdcInsnNode ldc)
        || !(ldc.cst instanceof Number number)) {
      return false;
    }
    double v = number.doubleValue();
    double exponent = Math.rint(Math.log10(v));
    return v > 0 && v != 1 && Math.abs(v / Math.pow(10, exponent) - 1) < 1e-9;
  }

  /**
   * Whether the array {@code depth} values below the top is javac's enum switch table (not data).
   */
  private static boolean enumSwitchMap(Frame<SourceValue> frame, int depth) {
    SourceValue array = frame.getStack(frame.getStackSize() - depth);
    return array.insns.stream()
        .allMatch(
            insn -> insn instanceof FieldInsnNode field && field.name.startsWith("$SwitchMap$"));
  }

  private static int line(AbstractInsnNode insn) {
    for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
      if (at instanceof LineNumberNode number) {
        return number.line;
      }
    }
    return -1;
  }
}
