package io.gobuild.engine.report.html;

import org.apache.commons.text.StringEscapeUtils;

import java.util.Locale;

/**
 * Builds HTML text in which every value is escaped: only the literal markup of the renderer is
 * ever raw, so a file or package name with markup in it stays text.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        return ascii(text) ? escapeAscii(text) : StringEscapeUtils.escapeHtml4(text).replace("'", "&#39;");
    }

    /** Printable ASCII, as most paths, names and reasons are: only the five markup characters need escaping. */
    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** What escapeHtml4 and the apostrophe's replacement give for printable ASCII, without their table look-ups. */
    private static String escapeAscii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity == null) {
                    out.append(c);
                } else {
                    out.append(entity);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Literal markup of the renderer itself, never a value from a report. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(Object value) {
        out.append(escape(value));
        return this;
    }

    /** `<tag class="cls">value</tag>` with the value escaped. */
    Html element(String tag, String cls, Object value) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append('>').append(escape(value)).append("</").append(tag).append('>');
        return this;
    }

    /** A table row that the filter box matches against the given words. */
    Html row(String filterText) {
        out.append("<tr data-f=\"").append(escape(filterText.toLowerCase(Locale.ROOT))).append("\">");
        return this;
    }

    Html cell(Object value) {
        return element("td", null, value);
    }

    Html cell(String cls, Object value) {
        return element("td", cls, value);
    }

    Html header(String... names) {
        out.append("<thead><tr>");
        for (String name : names) {
            element("th", null, name);
        }
        out.append("</tr></thead>");
        return this;
    }

    static String duration(long millis) {
        return millis >= 60_000 ? String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, millis / 1000 % 60)
                : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
