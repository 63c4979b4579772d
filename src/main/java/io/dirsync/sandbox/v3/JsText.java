package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** JavaScript's {@code JSON.stringify} of a parsed value (what the SDK signed for nested values). */
final class JsText {
    private JsText() {
    }

    /** A top-level parameter as signed: text as is, {@code null}, numbers and booleans as JS prints them, containers as JSON. */
    static String param(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        StringBuilder out = new StringBuilder();
        write(v, out);
        return out.toString();
    }

    static void write(JsonNode v, StringBuilder out) {
        if (v.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(v.get(i), out);
            }
            out.append(']');
        } else if (v.isTextual()) {
            quote(v.textValue(), out);
        } else if (v.isNumber()) {
            out.append(number(v));
        } else if (v.isBoolean()) {
            out.append(v.booleanValue());
        } else {
            out.append("null");
        }
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\b') {
                out.append("\\b");
            } else if (c == '\f') {
                out.append("\\f");
            } else if (c < 0x20 || (Character.isSurrogate(c) && !paired(s, i))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String number(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        double d = v.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        String s = v.decimalValue().stripTrailingZeros().toString();
        return s.replace("E+", "e+").replace("E-", "e-");
    }
}
