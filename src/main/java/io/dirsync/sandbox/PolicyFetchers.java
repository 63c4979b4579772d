package io.dirsync.sandbox;

import java.util.List;
import java.util.Map;

/** GraphQL fetchers for policies, their assignments, and the management token. */
final class PolicyFetchers {
    private final Sandbox s;

    PolicyFetchers(Sandbox sandbox) {
        this.s = sandbox;
    }

    @SuppressWarnings("unchecked")
    void register(Wiring w) {
        w.openQuery("accessToken", env -> {
            if (!s.options().userPoolId().equals(Args.str(env, "userPoolId"))
                    || !s.options().secret().equals(Args.str(env, "secret"))) {
                throw new ApiException(ApiException.NO_PERMISSION,
                        "userPoolId or secret is wrong: no management token issued for user pool "
                                + Args.str(env, "userPoolId"));
            }
            TokenService.Issued issued = s.tokens().issue(s.options().userPoolId(), s.options().tokenTtl(),
                    Map.of("id", s.options().userPoolId(), "email", "admin@" + s.options().userPoolId() + ".sandbox",
                            "type", "userPool"));
            return Map.of("accessToken", issued.token(), "exp", issued.exp(), "iat", issued.iat());
        });
        w.mutation("createPolicy", env -> s.policies().create(Args.str(env, "namespace"), Args.str(env, "code"),
                Args.str(env, "description"), (List<Object>) env.getArgument("statements")));
        w.mutation("updatePolicy", env -> s.policies().update(Args.str(env, "namespace"), Args.str(env, "code"),
                Args.str(env, "description"), (List<Object>) env.getArgument("statements"), Args.str(env, "newCode")));
        w.mutation("deletePolicy", env -> {
            s.policies().delete(List.of(Args.str(env, "code")), Args.str(env, "namespace"));
            return Args.message("删除成功!");
        });
        w.mutation("deletePolicies", env -> {
            s.policies().delete(Args.strings(env, "codeList"), Args.str(env, "namespace"));
            return Args.message("删除成功!");
        });
        w.query("policy", env -> s.policies().get(Args.str(env, "code"), Args.str(env, "namespace")));
        w.query("policies", env -> s.policies().page(Args.integer(env, "page"), Args.integer(env, "limit"),
                Args.str(env, "namespace")));
        w.query("policyAssignments", env -> s.policies().assignmentPage(Args.str(env, "namespace"),
                Args.str(env, "code"), Args.str(env, "targetType"), Args.str(env, "targetIdentifier"),
                Args.integer(env, "page"), Args.integer(env, "limit")));
        w.mutation("addPolicyAssignments", env -> {
            s.policies().assign(false, Args.strings(env, "policies"), Args.str(env, "targetType"),
                    Args.strings(env, "targetIdentifiers"), Args.bool(env, "inheritByChildren"), Args.str(env, "namespace"));
            return Args.message("授权成功");
        });
        w.mutation("removePolicyAssignments", env -> {
            s.policies().assign(true, Args.strings(env, "policies"), Args.str(env, "targetType"),
                    Args.strings(env, "targetIdentifiers"), null, Args.str(env, "namespace"));
            return Args.message("取消授权成功");
        });
        w.mutation("enablePolicyAssignment", env -> enable(env, true));
        w.mutation("disbalePolicyAssignment", env -> enable(env, false));
        w.type("Policy", "assignments", env -> {
            Map<String, Object> policy = UserFetchers.castMap(env.getSource());
            return s.policies().assignmentPage((String) policy.get("namespace"), (String) policy.get("code"), null, null,
                    Args.integer(env, "page"), Args.integer(env, "limit")).get("list");
        });
        w.mutation("sendEmail", env -> Args.message("发送成功"));
        w.mutation("sendFirstLoginVerifyEmail", env -> {
            s.users().require(Args.str(env, "userId"));
            return Args.message("发送成功");
        });
    }

    private Map<String, Object> enable(graphql.schema.DataFetchingEnvironment env, boolean enabled) {
        s.policies().enable(Args.str(env, "policy"), Args.str(env, "targetType"), Args.str(env, "targetIdentifier"),
                Args.str(env, "namespace"), enabled);
        return Args.message(enabled ? "启用成功" : "禁用成功");
    }
}
