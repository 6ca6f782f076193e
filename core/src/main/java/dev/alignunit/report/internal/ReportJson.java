package dev.alignunit.report.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import org.apiguardian.api.API;

/** The Jackson setup of report files: ISO-8601 instants, no nulls, two-space indent, LF. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportJson {

  private static final ObjectMapper MAPPER = create();
  // Two spaces per level, "\n" line ends; a type of its own, so stored samples can be laid out
  // for it without being parsed (JsonLayout).
  private static final ObjectWriter PRETTY = MAPPER.writer(new JsonLayout.Printer());

  private ReportJson() {}

  /**
   * @return the mapper for reading report files
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * @return the writer for internal files (entries): compact, stable key order
   */
  public static ObjectWriter compact() {
    return MAPPER.writer();
  }

  /**
   * @return the writer for report files: pretty, stable key order
   */
  public static ObjectWriter pretty() {
    return PRETTY;
  }

  private static ObjectMapper create() {
    SimpleModule instants =
        new SimpleModule("alignunit-instants")
            .addSerializer(Instant.class, ToStringSerializer.instance)
            .addDeserializer(
                Instant.class,
                new StdScalarDeserializer<Instant>(Instant.class) {
                  private static final long serialVersionUID = 1L;

                  @Override
                  public Instant deserialize(JsonParser p, DeserializationContext ctxt)
                      throws IOException {
                    return Instant.parse(p.getValueAsString());
                  }
                })
            // Large entries' samples are copied from their files, never held in memory.
            .addSerializer(StoredSamples.class, new StoredSamples.Serializer());
    ObjectMapper mapper = new ObjectMapper().registerModule(instants);
    mapper.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    // Newer writers may add optional fields; readers of an older library keep working.
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return mapper;
  }
}
