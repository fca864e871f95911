package ru.parta.rosters.parsing;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns numeric spreadsheet values into the text the row mapper expects. Guarantees: a value in a date format
 * becomes an ISO date («2015-03-19», whatever the display format, so two-digit-year formats lose nothing); a whole
 * number becomes its plain digits (a phone stored as a number keeps all eleven digits, no exponent, no «.0»);
 * anything else is formatted as Excel would display it.
 */
final class RosterCellFormatter extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        if (formatString != null
                && DateUtil.isADateFormat(formatIndex, formatString)
                && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value).toLocalDate().toString();
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return new BigDecimal(value).toPlainString();
        }
        return super.formatRawCellContents(value, formatIndex, formatString);
    }

    /** The raw text of an unstyled number as stored in the sheet XML («7.9161234567E10»), made plain. */
    static String plainNumber(String raw) {
        try {
            BigDecimal number = new BigDecimal(raw.trim());
            return number.stripTrailingZeros().scale() <= 0
                    ? number.toBigInteger().toString()
                    : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
