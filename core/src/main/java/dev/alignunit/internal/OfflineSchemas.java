package dev.alignunit.internal;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The JSON Schema registries of the library (draft 2020-12, legacy paths), which never fetch
 * anything: the sandbox and the scenario checks have no network, so a remote {@code $ref} or
 * meta-schema is refused. Each is made once, when first needed.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OfflineSchemas {

  private OfflineSchemas() {}

  /**
   * @return a registry that loads only {@code classpath:} resources
   */
  public static SchemaRegistry classpathOnly() {
    return ClasspathOnly.REGISTRY;
  }

  /**
   * @return a registry that also loads the draft 2020-12 meta-schema, which the validator ships in
   *     its jar (mapped from its json-schema.org IRI to the classpath)
   */
  public static SchemaRegistry withMetaSchema() {
    return WithMetaSchema.REGISTRY;
  }

  private static SchemaRegistry offline(Predicate<String> allowed) {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder
                .schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.LEGACY).build())
                .schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .allow(iri -> allowed.test(iri.toString()))));
  }

  private static final class ClasspathOnly {
    static final SchemaRegistry REGISTRY = offline(iri -> iri.startsWith("classpath:"));

    private ClasspathOnly() {}
  }

  private static final class WithMetaSchema {
    static final SchemaRegistry REGISTRY =
        offline(
            iri ->
                iri.startsWith("classpath:")
                    || iri.startsWith("https://json-schema.org/draft/2020-12/"));

    private WithMetaSchema() {}
  }
}
