package com.mediassist.models.fleet;

import com.mediassist.models.fleet.FleetException.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded ingest log: {@code ingest/batches.jsonl} under the data directory, one
 * {@link IngestLog.StoredBatch#line()} per line, each append forced to disk before it returns. A torn
 * last line (a crash mid-append, never acknowledged) is skipped on reading and overwritten by the
 * next append.
 */
public final class FileIngestLog implements IngestLog {

    private final Path file;
    private final FileChannel channel;

    /** Opens (creating) the log of a data directory. */
    public FileIngestLog(Path dataDir) {
        this.file = dataDir.resolve("ingest").resolve("batches.jsonl");
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            long size = channel.size();
            long end = size;
            if (size > 0) {
                ByteBuffer one = ByteBuffer.allocate(1);
                end = size;
                while (end > 0) {
                    one.clear();
                    channel.read(one, end - 1);
                    if (one.get(0) == '\n') {
                        break;
                    }
                    end--;
                }
            }
            channel.truncate(end);
            channel.position(end);
        } catch (IOException e) {
            throw new StorageException("cannot open the ingest log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void append(StoredBatch batch) {
        byte[] line = batch.line();
        ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new StorageException("cannot append to the ingest log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<StoredBatch> readAll() {
        List<StoredBatch> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    out.add(LogLines.parse(line.getBytes(StandardCharsets.UTF_8), file + " line " + n));
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot read the ingest log " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public String describe() {
        return "file:" + file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot close the ingest log " + file + ": " + e.getMessage(), e);
        }
    }
}
