package dev.alignunit.mcp.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.McpJsonMapperSupplier;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import org.apiguardian.api.API;

/**
 * The MCP SDK's JSON mapping on Jackson 2, the Jackson AlignUnit already uses. The SDK's own {@code
 * mcp-json-jackson2} module would do the same but brings json-schema-validator 2.x, which cannot
 * share a classpath with the 1.x that AlignUnit's sandbox validates with; this class and {@link
 * NetworkntSchemaValidator} replace it (registered for the SDK's service loader).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Jackson2McpJson implements McpJsonMapper {

  private final ObjectMapper mapper;

  /** A mapper that ignores unknown properties, as MCP peers add fields over protocol versions. */
  public Jackson2McpJson() {
    this.mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return mapper.readValue(content, mapper.getTypeFactory().constructType(type.getType()));
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return mapper.readValue(content, mapper.getTypeFactory().constructType(type.getType()));
  }

  @Override
  public <T> T convertValue(Object value, Class<T> type) {
    return mapper.convertValue(value, type);
  }

  @Override
  public <T> T convertValue(Object value, TypeRef<T> type) {
    return mapper.convertValue(value, mapper.getTypeFactory().constructType(type.getType()));
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return mapper.writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return mapper.writeValueAsBytes(value);
  }

  /** Makes the mapper for the SDK's service loader. */
  public static final class Supplier implements McpJsonMapperSupplier {
    /** Created by the service loader. */
    public Supplier() {}

    @Override
    public McpJsonMapper get() {
      return new Jackson2McpJson();
    }
  }
}
