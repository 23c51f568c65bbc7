package com.mediassist.appliance.bundles.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a real ONNX model genuinely slow without changing its answers: the graph's final {@code Identity}
 * node is fed {@code probabilities + 0 × mean(tanh(M·M)…)}, where {@code M} is the outer product of the input
 * features with themselves (982 × 982) squared {@code rounds} times: each round is a ~2 GFLOP matrix product
 * that depends on the input, so ONNX Runtime can neither fold it away at load nor skip it. {@code tanh} keeps
 * every value finite, so the added term is exactly zero and the golden cases' probabilities still match.
 * Written directly in the protobuf wire format of {@code onnx.ModelProto} (field numbers from onnx.proto3).
 */
final class SlowOnnx {

    private SlowOnnx() {
    }

    /** Rewrites {@code model} in place. */
    static void slowDown(Path model, String input, int rounds) throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields(bytes)) {
            if (f.number() == 7) {   // ModelProto.graph
                writeBytes(out, 7, graph(f.value(), input, rounds));
            } else {
                out.write(f.raw());
            }
        }
        Files.write(model, out.toByteArray());
    }

    private static byte[] graph(byte[] graph, String input, int rounds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean rewired = false;
        for (Field f : fields(graph)) {
            if (f.number() == 1 && opType(f.value()).equals("Identity")) {   // GraphProto.node, the final Identity
                String fast = strings(f.value(), 1).get(0);
                String result = strings(f.value(), 2).get(0);
                List<byte[]> nodes = new ArrayList<>();
                nodes.add(node("slow_t", "Transpose", List.of(input), "slow_xt"));
                nodes.add(node("slow_outer", "MatMul", List.of("slow_xt", input), "slow_m0"));
                String m = "slow_m0";
                for (int i = 1; i <= rounds; i++) {
                    nodes.add(node("slow_mm" + i, "MatMul", List.of(m, m), "slow_p" + i));
                    nodes.add(node("slow_tanh" + i, "Tanh", List.of("slow_p" + i), "slow_m" + i));
                    m = "slow_m" + i;
                }
                nodes.add(node("slow_mean", "ReduceMean", List.of(m), "slow_mean"));
                nodes.add(node("slow_zero", "Sub", List.of("slow_mean", "slow_mean"), "slow_zero"));
                nodes.add(node("slow_add", "Add", List.of(fast, "slow_zero"), "slow_out"));
                nodes.add(node("Identity_0", "Identity", List.of("slow_out"), result));
                for (byte[] n : nodes) {
                    writeBytes(out, 1, n);
                }
                rewired = true;
            } else {
                out.write(f.raw());
            }
        }
        if (!rewired) {
            throw new IOException("the graph has no final Identity node to rewire");
        }
        return out.toByteArray();
    }

    private static byte[] node(String name, String op, List<String> inputs, String output) throws IOException {
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        for (String i : inputs) {
            writeBytes(n, 1, i.getBytes(StandardCharsets.UTF_8));   // NodeProto.input
        }
        writeBytes(n, 2, output.getBytes(StandardCharsets.UTF_8));   // output
        writeBytes(n, 3, name.getBytes(StandardCharsets.UTF_8));     // name
        writeBytes(n, 4, op.getBytes(StandardCharsets.UTF_8));       // op_type
        return n.toByteArray();
    }

    private static String opType(byte[] node) {
        List<String> op = strings(node, 4);
        return op.isEmpty() ? "" : op.get(0);
    }

    private static List<String> strings(byte[] message, int number) {
        List<String> out = new ArrayList<>();
        for (Field f : fields(message)) {
            if (f.number() == number && f.wireType() == 2) {
                out.add(new String(f.value(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** One field of a message: its number, wire type, payload (length-delimited) and the raw bytes. */
    private record Field(int number, int wireType, byte[] value, byte[] raw) {
    }

    private static List<Field> fields(byte[] b) {
        List<Field> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            int start = pos[0];
            long key = varint(b, pos);
            int wire = (int) (key & 7);
            byte[] value = null;
            switch (wire) {
                case 0 -> varint(b, pos);
                case 1 -> pos[0] += 8;
                case 5 -> pos[0] += 4;
                case 2 -> {
                    int len = (int) varint(b, pos);
                    value = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len);
                    pos[0] += len;
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wire);
            }
            out.add(new Field((int) (key >>> 3), wire, value, java.util.Arrays.copyOfRange(b, start, pos[0])));
        }
        return out;
    }

    private static long varint(byte[] b, int[] pos) {
        long r = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[pos[0]++];
            r |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return r;
            }
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, int number, byte[] value) {
        writeVarint(out, ((long) number << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
