package dev.alignunit.model.internal;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * A request to the loopback model endpoint that its provider's API would reject, or that the
 * neutral chat types cannot carry (an image, a server tool). The endpoint answers it with HTTP 400
 * in the provider's error shape; the message names the field and what to send instead.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WireFormatException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final String param;

  /**
   * Creates the exception.
   *
   * @param param the JSON path of the offending field, such as {@code messages[2].content[0].type}
   * @param message what is wrong and what to send instead (without the path)
   */
  public WireFormatException(String param, String message) {
    super(param + ": " + message);
    this.param = param;
  }

  /**
   * The JSON path of the offending field.
   *
   * @return the path, such as {@code messages[2].role}
   */
  public String param() {
    return param;
  }
}
