package com.mediassist.core.diagnosis;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.mediassist.core.diagnosis.DiagnosisException.ModelRunException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs an ONNX classifier with ONNX Runtime. Owns its {@link OrtSession} (closed by {@link #close()});
 * each call creates and closes its own input tensor and result. Thread-safe: ONNX Runtime sessions
 * accept concurrent runs.
 */
public final class OnnxScorer implements Scorer, AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final int features;
    private final int labels;

    /**
     * Opens the model with single-threaded operators (the engine parallelises across requests).
     *
     * @throws ModelRunException when the file cannot be loaded or its shape is not [batch, features] → [batch, labels]
     */
    public OnnxScorer(Path model, String input, int features, int labels) {
        this.env = OrtEnvironment.getEnvironment();
        this.input = input;
        this.features = features;
        this.labels = labels;
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            this.session = env.createSession(model.toString(), opts);
        } catch (OrtException e) {
            throw new ModelRunException("cannot open ONNX model " + model + ": " + e.getMessage(), e);
        }
        if (!session.getInputNames().contains(input)) {
            close();
            throw new ModelRunException("ONNX model " + model + " has inputs " + session.getInputNames()
                    + ", expected '" + input + "'", null);
        }
    }

    @Override
    public float[] score(float[] x) {
        if (x.length != features) {
            throw new ModelRunException("input has " + x.length + " features, the model takes " + features, null);
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, features});
             OrtSession.Result r = session.run(Map.of(input, t))) {
            float[][] out = (float[][]) r.get(0).getValue();
            if (out.length != 1 || out[0].length != labels) {
                throw new ModelRunException("model returned " + out[0].length + " scores, expected " + labels, null);
            }
            return out[0];
        } catch (OrtException | ClassCastException e) {
            throw new ModelRunException("ONNX run failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelRunException("cannot close ONNX session: " + e.getMessage(), e);
        }
    }
}
