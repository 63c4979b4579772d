package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an UnboundID {@link Entry} into a {@link SourceEntry}: attribute names lower-cased without
 * options, binary attributes kept as bytes, AD's objectGUID / objectSid also given as text.
 * Stateless and thread-safe.
 */
public final class EntryConverter {
  /** Attributes whose values are bytes, not text (AD and common LDAP schemas). */
  public static final Set<String> BINARY = Set.of("objectguid", "objectsid", "jpegphoto", "thumbnailphoto",
      "usercertificate", "cacertificate", "ms-ds-consistencyguid", "msexchmailboxguid", "photo", "audio",
      "sidhistory", "usersmimecertificate", "userpkcs12");

  private EntryConverter() {}

  /** Converts {@code entry}; attributes named in {@code skip} (lower-case) are left out. */
  public static SourceEntry convert(EntryKind kind, Entry entry, Set<String> skip, List<String> members) {
    Map<String, List<String>> text = new LinkedHashMap<>();
    Map<String, List<byte[]>> binary = new LinkedHashMap<>();
    for (Attribute attribute : entry.getAttributes()) {
      String name = attribute.getBaseName().toLowerCase(Locale.ROOT);
      if (skip.contains(name)) continue;
      if (isBinary(attribute, name)) {
        List<byte[]> bytes = binary.computeIfAbsent(name, k -> new ArrayList<>());
        for (byte[] value : attribute.getValueByteArrays()) {
          bytes.add(value);
          String asText = binaryAsText(name, value);
          if (asText != null) text.computeIfAbsent(name, k -> new ArrayList<>()).add(asText);
        }
      } else {
        List<String> values = text.computeIfAbsent(name, k -> new ArrayList<>());
        for (String value : attribute.getValues()) values.add(value);
      }
    }
    return new SourceEntry(kind, entry.getDN(), text, binary, members);
  }

  private static boolean isBinary(Attribute attribute, String name) {
    return BINARY.contains(name) || attribute.hasOption("binary");
  }

  private static String binaryAsText(String name, byte[] value) {
    try {
      if (name.equals("objectguid") && value.length == 16) return AdValues.guidToString(value);
      if (name.equals("objectsid") || name.equals("sidhistory")) return AdValues.sidToString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
