package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.FieldChange;
import io.dirsync.model.FieldPolicy;
import io.dirsync.model.ManagedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Field and custom-data differences of one user. Pure. */
final class UserDiff {

  static final String BLOCKED = "blocked";
  static final String PHONE_COUNTRY_CODE = "phoneCountryCode";

  private UserDiff() {}

  /**
   * What a create sends: every field except ignored and empty ones; {@code user} itself when that
   * is all of them (the usual case: a first sync's plan then holds no second copy of each user).
   */
  static DesiredUser forCreate(DesiredUser user) {
    if (!leavesOut(user)) return user;
    Map<String, Object> fields = new TreeMap<>();
    user.fields().forEach((k, v) -> {
      if (user.policy(k) != FieldPolicy.IGNORE && !FieldNormalizer.isEmpty(v)) fields.put(k, v);
    });
    Map<String, Object> custom = new TreeMap<>();
    user.customData().forEach((k, v) -> {
      if (customPolicy(user, k) != FieldPolicy.IGNORE && !FieldNormalizer.isEmpty(v)) custom.put(k, v);
    });
    return user.withFields(fields).withCustomData(custom);
  }

  private static boolean leavesOut(DesiredUser user) {
    for (Map.Entry<String, Object> e : user.fields().entrySet()) {
      if (user.policy(e.getKey()) == FieldPolicy.IGNORE || FieldNormalizer.isEmpty(e.getValue())) return true;
    }
    for (Map.Entry<String, Object> e : user.customData().entrySet()) {
      if (customPolicy(user, e.getKey()) == FieldPolicy.IGNORE || FieldNormalizer.isEmpty(e.getValue())) return true;
    }
    return false;
  }

  /** Changed fields, forced fields only; a managed user dirsync blocked and that came back is unblocked. */
  static List<FieldChange> fieldChanges(DesiredUser want, DirectoryUser have, ManagedUser managed) {
    List<FieldChange> changes = new ArrayList<>();
    String ccWant = text(want.fields().getOrDefault(PHONE_COUNTRY_CODE, have.field(PHONE_COUNTRY_CODE)));
    String ccHave = text(have.field(PHONE_COUNTRY_CODE));
    want.fields().forEach((field, value) -> {
      if (want.policy(field) != FieldPolicy.FORCE) return;
      Object current = have.field(field);
      if (!FieldNormalizer.equivalent(field, value, current, ccWant, ccHave)) {
        changes.add(new FieldChange(field, current, after(value)));
      }
    });
    boolean returning = managed != null && managed.removed() && !want.fields().containsKey(BLOCKED);
    if (returning && have.blocked()) changes.add(new FieldChange(BLOCKED, Boolean.TRUE, Boolean.FALSE));
    return changes;
  }

  /** Changed custom-data values, forced keys only. */
  static List<FieldChange> customDataChanges(DesiredUser want, DirectoryUser have) {
    List<FieldChange> changes = new ArrayList<>();
    want.customData().forEach((key, value) -> {
      if (customPolicy(want, key) != FieldPolicy.FORCE) return;
      Object current = have.customData().get(key);
      if (!FieldNormalizer.equivalent(key, value, current)) changes.add(new FieldChange(key, current, after(value)));
    });
    return changes;
  }

  /** The policy of a custom key: {@code customData.<key>} first, then the bare key. */
  static FieldPolicy customPolicy(DesiredUser user, String key) {
    FieldPolicy qualified = user.policies().get("customData." + key);
    return qualified != null ? qualified : user.policy(key);
  }

  private static Object after(Object value) {
    return FieldNormalizer.isEmpty(value) ? null : value;
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
