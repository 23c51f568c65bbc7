package com.mediassist.core.diagnosis;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.mediassist.core.diagnosis.DiagnosisException.ModelRunException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs an ONNX classifier with ONNX Runtime. Owns its {@link OrtSession} (closed by {@link #close()});
 * each call creates and closes its own input tensor and result. Thread-safe: ONNX Runtime sessions
 * accept concurrent runs. A run may outlive the request that started it (the engine answers by the
 * fallback past its time budget), so {@link #close()} asks the runs still in flight to terminate and waits
 * for them before it frees the session: freeing it under a running native call would crash the process.
 */
public final class OnnxScorer implements Scorer, AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final int features;
    private final int labels;
    /** Options of the runs in flight; guarded by itself (an options object is removed before it is closed). */
    private final Set<OrtSession.RunOptions> running = new HashSet<>();
    private final ReentrantReadWriteLock runs = new ReentrantReadWriteLock();
    private volatile boolean closed;

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
        runs.readLock().lock();
        try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            if (closed) {
                throw new ModelRunException("the ONNX session is closed", null);
            }
            synchronized (running) {
                running.add(options);
            }
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, features});
                 OrtSession.Result r = session.run(Map.of(input, t), options)) {
                float[][] out = (float[][]) r.get(0).getValue();
                if (out.length != 1 || out[0].length != labels) {
                    throw new ModelRunException("model returned " + out[0].length + " scores, expected " + labels, null);
                }
                return out[0];
            } finally {
                synchronized (running) {
                    running.remove(options);
                }
            }
        } catch (OrtException | ClassCastException e) {
            throw new ModelRunException("ONNX run failed: " + e.getMessage(), e);
        } finally {
            runs.readLock().unlock();
        }
    }

    /** Terminates the runs in flight, waits for them to return, then frees the session. Idempotent. */
    @Override
    public void close() {
        closed = true;
        synchronized (running) {
            for (OrtSession.RunOptions r : running) {
                try {
                    r.setTerminate(true);
                } catch (OrtException e) {
                    // The run ends by itself; the wait below covers it.
                }
            }
        }
        runs.writeLock().lock();
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelRunException("cannot close ONNX session: " + e.getMessage(), e);
        } finally {
            runs.writeLock().unlock();
        }
    }
}
