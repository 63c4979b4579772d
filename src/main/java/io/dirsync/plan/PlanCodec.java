package io.dirsync.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import io.dirsync.model.UserLabels;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Plan} as JSON and back, for {@code dirsync plan --out} and {@code dirsync apply}. Each
 * operation carries a {@code kind} discriminator (the {@code OperationKind} name). Imported
 * passwords are never written: a create that carries one says {@code "password": "<omitted>"}
 * and reads back without a password. Reading reports what is wrong and where
 * ({@code operations[3].externalId: missing}). Thread-safe.
 */
public final class PlanCodec {

  /** The format name written into every plan file. */
  public static final String FORMAT = "dirsync-plan/1";

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String write(Plan plan) {
    StringWriter out = new StringWriter();
    write(plan, out);
    return out.toString();
  }

  /**
   * Writes what {@link #write(Plan)} returns, operation by operation: the JSON of a plan of a
   * million users is ~1 GB of text and is never held whole. Does not close {@code to}.
   */
  public void write(Plan plan, Writer to) {
    try (JsonGenerator g = json.getFactory().createGenerator(to)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("job", plan.job());
      g.writeStringField("createdAt", plan.createdAt().toString());
      g.writeNumberField("sourceUsers", plan.sourceUsers());
      g.writeNumberField("unchanged", plan.unchanged());
      g.writeNumberField("managedUsers", plan.managedUsers());
      ArrayNode skipped = json.createArrayNode();
      plan.skipped().forEach(s -> skipped.addObject().put("dn", s.dn()).put("rule", s.rule()).put("reason", s.reason()));
      g.writeFieldName("skipped");
      json.writeTree(g, skipped);
      ObjectNode summary = json.createObjectNode();
      summary.put("operations", plan.operations().size());
      plan.countsByKind().forEach((kind, n) -> summary.put(kind.name(), n));
      g.writeFieldName("summary");
      json.writeTree(g, summary);
      ArrayNode retired = json.createArrayNode();
      plan.retired().forEach(retired::add);
      g.writeFieldName("retired");
      json.writeTree(g, retired);
      g.writeArrayFieldStart("operations");
      OperationJson writer = new OperationJson(json);
      for (Operation op : plan.operations()) json.writeTree(g, writer.write(op, plan::label));
      g.writeEndArray();
      g.writeObjectFieldStart("users");
      Map<ExternalId, UserLabel> users = plan.users() instanceof UserLabels sorted ? sorted : new TreeMap<>(plan.users());
      for (Map.Entry<ExternalId, UserLabel> e : users.entrySet()) {
        UserLabel label = e.getValue();
        g.writeFieldName(e.getKey().value());
        json.writeTree(g, json.createObjectNode().put("username", label.username()).put("email", label.email()).put("dn", label.dn()));
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan as JSON: " + e.getMessage(), e);
    }
  }

  /** Reads a plan written by {@link #write}; throws {@link IllegalArgumentException} naming the bad spot. */
  public Plan read(String text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a plan: invalid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }
    Node plan = new Node(root, "");
    String format = plan.text("format");
    if (!FORMAT.equals(format)) throw new IllegalArgumentException("format: expected " + FORMAT + ", found " + format);
    List<SkippedEntry> skipped = new ArrayList<>();
    for (Node s : plan.array("skipped")) skipped.add(new SkippedEntry(s.optionalText("dn"), s.optionalText("rule"), s.optionalText("reason")));
    List<Operation> ops = new ArrayList<>();
    OperationJson reader = new OperationJson(json);
    for (Node op : plan.array("operations")) ops.add(reader.read(op));
    List<String> retired = new ArrayList<>();
    for (Node r : plan.array("retired")) {
      if (!r.json().isTextual()) throw new IllegalArgumentException(r.path() + ": expected a string");
      retired.add(r.json().asText());
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(plan.text("createdAt"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("createdAt: not an ISO-8601 instant: " + plan.text("createdAt"), e);
    }
    java.util.Map<io.dirsync.model.ExternalId, io.dirsync.model.UserLabel> users = new java.util.TreeMap<>();
    JsonNode labels = root.get("users");
    if (labels != null && labels.isObject()) {
      labels.fields().forEachRemaining(e -> users.put(new io.dirsync.model.ExternalId(e.getKey()), new io.dirsync.model.UserLabel(
          textOrNull(e.getValue(), "username"), textOrNull(e.getValue(), "email"), textOrNull(e.getValue(), "dn"))));
    }
    return new Plan(plan.text("job"), createdAt, ops, plan.integer("sourceUsers"), plan.integer("unchanged"),
        plan.integer("managedUsers"), skipped, retired, users);
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
