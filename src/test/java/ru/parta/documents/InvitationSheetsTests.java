package ru.parta.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

class InvitationSheetsTests {

    private static final String LONG_NAME =
            "Константинопольская-Всеволодская Александра-Мария Вячеславовна-Христофоровна";

    private final InvitationSheets sheets = new InvitationSheets(new QrCodes());

    @Test
    void nineSlipsMakeThreePagesWithEveryNameCodeAndReadableQrCodes() throws Exception {
        List<SheetRequest.Slip> slips = slips();

        byte[] pdf = sheets.render(new SheetRequest("МБОУ «Средняя общеобразовательная школа № 5»", "5А", slips));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = PdfPages.load(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = PdfPages.text(document);
            assertThat(text).contains("Приглашение в Парту", "5А", "Код действует до 01.09.2025");
            assertThat(text).contains("1. Откройте ссылку или наведите камеру на QR-код.");
            for (SheetRequest.Slip slip : slips) {
                assertThat(text).contains(slip.fullName(), slip.code(), slip.roleLabel());
            }
            assertThat(PdfPages.text(document, 3, 3))
                    .contains(slips.get(8).fullName())
                    .doesNotContain("Петров");

            for (int band = 0; band < 4; band++) {
                String inBand = bandText(document, band);
                SheetRequest.Slip slip = slips.get(band);
                assertThat(inBand).as("band %d", band).contains(slip.fullName(), slip.code(), "Код действует до");
                for (SheetRequest.Slip other : slips) {
                    if (other != slip) {
                        assertThat(inBand).doesNotContain(other.code());
                    }
                }
            }

            BufferedImage page = PdfPages.image(document, 0, 200, "invitation-sheet-page1");
            assertThat(decodeAll(page)).containsExactlyInAnyOrderElementsOf(links(slips.subList(0, 4)));
            BufferedImage last = PdfPages.image(document, 2, 150, "invitation-sheet-page3");
            assertThat(decodeAll(last)).containsExactly(slips.get(8).link());
        }
    }

    @Test
    void unknownGlyphsAndControlCharactersDoNotBreakRendering() throws Exception {
        SheetRequest request = new SheetRequest(
                null,
                "11Б",
                List.of(new SheetRequest.Slip(
                        "Ли\u0000 Мэй 李梅 \uD83D\uDE00\nТест", null, "QWERT-12345", "https://parta.test/a?c=1", null)));

        try (PDDocument document = PdfPages.load(sheets.render(request))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(PdfPages.text(document)).contains("Мэй", "Тест", "QWERT-12345");
        }
    }

    @Test
    void extremeTextStaysOnTheSheet() throws Exception {
        String name = "Очень-очень длинная фамилия ".repeat(12).strip();
        SheetRequest request = new SheetRequest(
                "Школа ".repeat(40),
                "5А",
                List.of(new SheetRequest.Slip(
                        name,
                        "Родитель ученика: " + name,
                        "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY",
                        "https://parta.test/activate?code=" + "X".repeat(300),
                        "01.09.2025")));

        try (PDDocument document = PdfPages.load(sheets.render(request))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PdfPages.image(document, 0, 100, "invitation-sheet-extreme");
            assertThat(PdfPages.text(document)).contains("Очень-очень", "Код действует до 01.09.2025");
        }
    }

    @Test
    void requestsWithoutSlipsCodesOrLinksAreRefused() {
        assertThatThrownBy(() -> new SheetRequest("Школа", "5А", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SheetRequest.Slip("Иванов Иван", "Ученик", " ", "https://x", "01.09"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SheetRequest.Slip("Иванов Иван", "Ученик", "ABCDE", null, "01.09"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<SheetRequest.Slip> slips() {
        String[] names = {
            "Иванов Иван Иванович",
            "Петрова Анна Сергеевна",
            "Сидоров Пётр Алексеевич",
            LONG_NAME,
            "Кузнецова Юлия Олеговна",
            "Смирнов Артём Дмитриевич",
            "Васильева Ольга Николаевна",
            "Ёлкин Фёдор Ильич",
            "Щукина Эльвира Рашидовна"
        };
        return IntStream.range(0, names.length)
                .mapToObj(i -> {
                    String code = "ABC" + i + "D-FGH" + i + "J";
                    String role = i % 3 == 1 ? "Родитель ученика: Иванов Иван" : "Ученик";
                    return new SheetRequest.Slip(
                            names[i], role, code, "https://parta.school.ru/activate?code=" + code, "01.09.2025");
                })
                .toList();
    }

    /** Text inside one of the four horizontal slip bands of page 1 (PDF points, origin top left). */
    private static String bandText(PDDocument document, int band) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        float height = PDRectangle.A4.getHeight() / 4;
        stripper.addRegion("band", new Rectangle2D.Float(0, band * height, PDRectangle.A4.getWidth(), height));
        stripper.extractRegions(document.getPage(0));
        return stripper.getTextForRegion("band").replaceAll("\\s+", " ");
    }

    private static List<String> links(List<SheetRequest.Slip> slips) {
        return slips.stream().map(SheetRequest.Slip::link).toList();
    }

    private static List<String> decodeAll(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Map<DecodeHintType, Object> hints = Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true);
        try {
            Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints);
            return new ArrayList<>(Arrays.stream(results).map(Result::getText).toList());
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
