package com.mediassist.models;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * Writes a classifier as an ONNX graph with Tribuo's {@link ONNXContext}: naive Bayes as
 * {@code Softmax(Gemm(features ∘ features, B, Gemm(features, A, b)))}, the linear model as
 * {@code Softmax(Gemm(features, W, b))}, the MLP with a ReLU hidden layer. The bytes depend only on the
 * weights, so the same weights give the same file.
 */
final class OnnxExport {

    static final String INPUT = "features";
    static final String OUTPUT = "probabilities";

    private OnnxExport() {
    }

    static byte[] toOnnx(Classifier c, String producerVersion, String docString) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName("mediassist-diagnosis");
        int features = c instanceof SoftmaxModel s ? s.features
                : c instanceof NaiveBayesModel nb ? nb.features : ((MlpModel) c).features;
        var input = ctx.floatInput(INPUT, features);
        var output = ctx.floatOutput(OUTPUT, c.labels());
        ONNXNode logits;
        if (c instanceof NaiveBayesModel m) {
            ONNXInitializer linear = ctx.floatTensor("linear_weights", List.of(m.features, m.labels), fb -> fb.put(m.a));
            ONNXInitializer square = ctx.floatTensor("square_weights", List.of(m.features, m.labels), fb -> fb.put(m.q));
            ONNXInitializer bias = ctx.floatTensor("bias", List.of(m.labels), fb -> fb.put(m.b));
            ONNXNode lin = input.apply(ONNXOperators.GEMM, List.of(linear, bias), "linear_logits");
            ONNXNode sq = input.apply(ONNXOperators.MUL, input, "features_squared");
            logits = sq.apply(ONNXOperators.GEMM, List.of(square, lin), "logits");
        } else if (c instanceof SoftmaxModel m) {
            ONNXInitializer weights = ctx.floatTensor("weights", List.of(m.features, m.labels), fb -> fb.put(m.w));
            ONNXInitializer bias = ctx.floatTensor("bias", List.of(m.labels), fb -> fb.put(m.b));
            logits = input.apply(ONNXOperators.GEMM, List.of(weights, bias), "logits");
        } else {
            MlpModel m = (MlpModel) c;
            ONNXInitializer w1 = ctx.floatTensor("hidden_weights", List.of(m.features, m.hidden), fb -> fb.put(m.w1));
            ONNXInitializer b1 = ctx.floatTensor("hidden_bias", List.of(m.hidden), fb -> fb.put(m.b1));
            ONNXInitializer w2 = ctx.floatTensor("output_weights", List.of(m.hidden, m.labels), fb -> fb.put(m.w2));
            ONNXInitializer b2 = ctx.floatTensor("output_bias", List.of(m.labels), fb -> fb.put(m.b2));
            ONNXInitializer zero = ctx.constant("zero", 0f);
            ONNXNode pre = input.apply(ONNXOperators.GEMM, List.of(w1, b1), "hidden_pre");
            ONNXNode positive = pre.apply(ONNXOperators.GREATER, zero, "hidden_positive");
            ONNXNode relu = positive.apply(ONNXOperators.WHERE, List.of(pre, zero), "hidden");
            logits = relu.apply(ONNXOperators.GEMM, List.of(w2, b2), "logits");
        }
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
