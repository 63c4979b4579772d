package io.dirsync.mapping;

import io.dirsync.model.FieldPolicy;
import io.dirsync.model.RoleRef;
import java.util.List;

/** The compiled rules of a mapping, as read from its YAML file. Immutable and thread-safe. */
record Rules(UserRules users, GroupRules groups, RoleRules roles, DepartmentRules departments) {

  /** Which user entries are in scope, and how each becomes a user. include/exclude/password may be null. */
  record UserRules(Expr include, Expr exclude, ValueRule externalId, List<FieldRule> fields,
      List<CustomRule> customData, PasswordRule password) {
    UserRules {
      fields = List.copyOf(fields);
      customData = List.copyOf(customData);
    }
  }

  record FieldRule(String field, ValueRule rule, TargetFields.Type type, FieldPolicy policy, boolean required) {}

  record CustomRule(String key, ValueRule rule, TargetFields.DataType type, boolean required) {}

  record PasswordRule(ValueRule rule, boolean keep) {}

  /**
   * Codes and names of groups or departments, read from source entries ({@code attribute} null) or
   * from the values of a user attribute. {@code base}, {@code include} and {@code description} may
   * be null.
   */
  record CodeRules(String attribute, Dn base, Expr include, ValueRule code, ValueRule name, ValueRule description) {}

  /** fromEntries / fromAttribute may be null. */
  record GroupRules(boolean createMissing, CodeRules fromEntries, CodeRules fromAttribute) {
    static final GroupRules NONE = new GroupRules(false, null, null);
  }

  record RoleRule(String name, Expr when, List<RoleRef> roles) {
    RoleRule {
      roles = List.copyOf(roles);
    }
  }

  record RoleRules(boolean createMissing, List<RoleRule> rules) {
    RoleRules {
      rules = List.copyOf(rules);
    }

    static final RoleRules NONE = new RoleRules(false, List.of());
  }

  /** fromEntries / fromAttribute may be null. */
  record DepartmentRules(CodeRules fromEntries, CodeRules fromAttribute) {
    static final DepartmentRules NONE = new DepartmentRules(null, null);
  }
}
