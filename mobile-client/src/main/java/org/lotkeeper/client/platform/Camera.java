package org.lotkeeper.client.platform;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.imageio.ImageIO;

/**
 * A picture for ZXing to decode (a label the scanner cannot read) or to keep (a COA photographed
 * at the dock). Never called on the UI thread's time: the answer comes back later.
 */
public interface Camera {

    /** The next picture, or empty when the user cancelled or there is no camera. */
    CompletableFuture<Optional<BufferedImage>> takePicture();

    /** No camera on this device. */
    Camera NONE = () -> CompletableFuture.completedFuture(Optional.empty());

    /**
     * A desktop stand-in: "takes" the picture from an image file, read on {@code executor}. Used
     * by supervisors' desktops (an image dropped on the window) and by tests.
     */
    static Camera fromFile(Path image, Executor executor) {
        return () -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return Optional.ofNullable(ImageIO.read(image.toFile()));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                },
                executor);
    }
}
