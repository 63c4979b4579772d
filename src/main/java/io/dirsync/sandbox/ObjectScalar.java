package io.dirsync.sandbox;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The schema's {@code Object} scalar (policy conditions): any JSON value, passed through. */
final class ObjectScalar implements Coercing<Object, Object> {

    static GraphQLScalarType type() {
        return GraphQLScalarType.newScalar().name("Object").description("any JSON value")
                .coercing(new ObjectScalar()).build();
    }

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
        return value;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        return input;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return literal(input, variables);
    }

    private static Object literal(Value<?> value, CoercedVariables variables) {
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof FloatValue f) {
            return f.getValue();
        }
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof EnumValue e) {
            return e.getName();
        }
        if (value instanceof VariableReference v) {
            return variables.get(v.getName());
        }
        if (value instanceof ArrayValue a) {
            List<Object> list = new ArrayList<>();
            a.getValues().forEach(item -> list.add(literal(item, variables)));
            return list;
        }
        if (value instanceof ObjectValue o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ObjectField field : o.getObjectFields()) {
                map.put(field.getName(), literal(field.getValue(), variables));
            }
            return map;
        }
        return null;
    }
}
