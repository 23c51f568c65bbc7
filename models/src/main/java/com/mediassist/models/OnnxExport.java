package com.mediassist.models;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Writes a {@link SoftmaxModel} as an ONNX graph with Tribuo's {@link ONNXContext}:
 * {@code probabilities = Softmax(Gemm(features, W, b), axis=1)}. The bytes depend only on the
 * weights, so the same weights give the same file.
 */
final class OnnxExport {

    static final String INPUT = "features";
    static final String OUTPUT = "probabilities";

    private OnnxExport() {
    }

    static byte[] toOnnx(SoftmaxModel m, String producerVersion, String docString) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName("mediassist-diagnosis");
        ONNXPlaceholder input = ctx.floatInput(INPUT, m.features);
        ONNXPlaceholder output = ctx.floatOutput(OUTPUT, m.labels);
        ONNXInitializer weights = ctx.floatTensor("weights", List.of(m.features, m.labels), fb -> fb.put(m.w));
        ONNXInitializer bias = ctx.floatTensor("bias", List.of(m.labels), fb -> fb.put(m.b));
        ONNXNode logits = input.apply(ONNXOperators.GEMM, List.of(weights, bias), "logits");
        logits.apply(ONNXOperators.SOFTMAX, Map.of("axis", 1)).assignTo(output);
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setProducerName("mediassist-models")
                .setProducerVersion(producerVersion)
                .setDomain("com.mediassist")
                .setModelVersion(1)
                .setDocString(docString)
                .setGraph(ctx.buildGraph())
                .build();
        return model.toByteArray();
    }
}
