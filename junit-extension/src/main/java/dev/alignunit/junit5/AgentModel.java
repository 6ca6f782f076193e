package dev.alignunit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the field or method of a test class that supplies the {@link
 * dev.alignunit.model.ModelClient} for its {@link AgentScenario} tests. It takes precedence over
 * the configuration key {@code alignunit.model}. Fields and methods may be static or not, of any
 * visibility; at most one per test class hierarchy (a {@code @Nested} class's own member wins over
 * its enclosing class's). A method takes no parameters, or one {@code int}: the sample number (from
 * 1), for scripts that differ per sample. Models supplied this way are used as they are: recordings
 * apply only to models from configuration.
 *
 * <pre>{@code
 * @AgentModel
 * ScriptedModel model = ScriptedModel.builder().thenRespond("I can't do that: ...").build();
 *
 * @AgentModel
 * ModelClient model() { return myGatewayClient(); }   // a method is called once per sample
 *
 * @AgentModel
 * ScriptedModel model(int sample) {                      // sample 3 misbehaves, the others refuse
 *   return sample == 3 ? misbehaving() : refusing();
 * }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface AgentModel {}
