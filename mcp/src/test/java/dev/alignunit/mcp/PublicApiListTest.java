package dev.alignunit.mcp;

import dev.alignunit.buildrules.PublicApiList;
import org.junit.jupiter.api.Test;

/**
 * The public types of alignunit-mcp are the ones {@code docs/api.md} lists, each with {@code @API}
 * (see {@link PublicApiList}); regenerate the list after an intended change with {@code mvn -B -pl
 * mcp -am test -Dtest=PublicApiListTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true}.
 */
class PublicApiListTest {

  @Test
  void should_match_the_public_api_list() {
    PublicApiList.forModule("alignunit-mcp").check();
  }
}
