package ru.parta.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class QrCodesTests {

    private static final String LINK = "https://parta.school.ru/activate?code=ABCDE-FGHIJ";

    private final QrCodes qrCodes = new QrCodes();

    @Test
    void pngHasTheRequestedSizeAndDecodesToTheText() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qrCodes.png(LINK, 300)));

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(decode(image)).isEqualTo(LINK);
    }

    @Test
    void cyrillicTextSurvivesTheRoundTrip() throws Exception {
        String text = "Приглашение в Парту: 5А";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qrCodes.png(text, 200)));

        assertThat(decode(image)).isEqualTo(text);
    }

    @Test
    void vectorCodeDrawnIntoAPdfDecodes() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                qrCodes.draw(content, LINK, 40, 100, 120);
            }
            BufferedImage image = PdfPages.image(document, 0, 150, "qr-vector");
            assertThat(decode(image)).isEqualTo(LINK);
            // the code stays within its square: the page outside it is white
            int scale = 150 / 72;
            assertThat(image.getRGB(10 * scale, 10 * scale) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
    }

    @Test
    void unencodableTextAndBadSizesAreRefused() {
        assertThatThrownBy(() -> qrCodes.png("", 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> qrCodes.png(null, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> qrCodes.png("x".repeat(5000), 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> qrCodes.png(LINK, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> qrCodes.png(LINK, 100_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String decode(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap).getText();
    }
}
