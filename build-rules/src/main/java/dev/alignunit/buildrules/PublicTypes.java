package dev.alignunit.buildrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * The public types of one module's compiled classes and their {@link API} status, and the rules
 * they must follow.
 *
 * <p>A type is public when it is declared {@code public} and so is every type enclosing it. A
 * top-level public type must carry {@code @API} with a {@code since}; a nested public type without
 * its own {@code @API} has its enclosing type's status (apiguardian's rule: a type's status holds
 * for its members unless they declare their own). Rules checked:
 *
 * <ul>
 *   <li>every top-level public type has {@code @API(status = ..., since = ...)};
 *   <li>a type in an {@code internal} package is {@code INTERNAL};
 *   <li>no public or protected member of a non-{@code INTERNAL} type (nor its supertypes) mentions
 *       an {@code INTERNAL} or non-public type of the project in its signature, unless the member
 *       itself is marked {@code INTERNAL}: the front door must not hand out plumbing.
 * </ul>
 */
@API(status = Status.INTERNAL, since = "0.1")
public final class PublicTypes {

  /**
   * One public type.
   *
   * @param type the class
   * @param status its own status, or the enclosing type's when it declares none; {@code null} when
   *     neither does
   * @param since the {@code since} of the annotation that gave the status, empty when none
   */
  public record PublicType(Class<?> type, Status status, String since) {

    /**
     * The name used in the list: the canonical name, such as {@code
     * dev.alignunit.model.ScriptedModel.Builder}.
     */
    public String name() {
      return type.getCanonicalName();
    }

    /** Whether this type belongs to the API users may rely on (any status but {@code INTERNAL}). */
    public boolean isApi() {
      return status != null && status != Status.INTERNAL;
    }
  }

  private final String projectPrefix;
  private final List<PublicType> types;

  private PublicTypes(String projectPrefix, List<PublicType> types) {
    this.projectPrefix = projectPrefix;
    this.types = types;
  }

  /**
   * Reads the public types among the classes below {@code classesRoot} (a compiled output folder
   * such as {@code target/classes}), loaded without initialising them.
   *
   * @param classesRoot the root of the package folders
   * @param under a package folder below the root to restrict the scan to, such as {@code
   *     dev/alignunit}; empty for all
   * @param projectPrefix the package prefix of the project's own types, such as {@code
   *     dev.alignunit.}, for the signature rule
   * @param loader the class loader that sees those classes
   * @return the public types, sorted by name
   */
  public static PublicTypes scan(
      Path classesRoot, String under, String projectPrefix, ClassLoader loader) {
    Path start = under.isEmpty() ? classesRoot : classesRoot.resolve(under);
    List<PublicType> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(start)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String relative = classesRoot.relativize(file).toString().replace('\\', '/');
        String name =
            relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        if (name.endsWith("package-info") || name.endsWith("module-info")) {
          continue;
        }
        Class<?> type = load(name, loader);
        if (!type.isSynthetic()
            && !type.isAnonymousClass()
            && !type.isLocalClass()
            && isPublic(type)) {
          Optional<API> api = effectiveApi(type);
          found.add(
              new PublicType(
                  type, api.map(API::status).orElse(null), api.map(API::since).orElse("")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the compiled classes below " + start, e);
    }
    found.sort(Comparator.comparing(PublicType::name));
    return new PublicTypes(projectPrefix, List.copyOf(found));
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "Cannot load compiled class "
              + name
              + " (is the module compiled and on"
              + " the test class path?): "
              + e,
          e);
    }
  }

  private static boolean isPublic(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<API> effectiveApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      API api = c.getDeclaredAnnotation(API.class);
      if (api != null) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }

  /** The public types, sorted by name. */
  public List<PublicType> all() {
    return types;
  }

  /** The public types that are API (not {@code INTERNAL}), sorted by name. */
  public List<PublicType> api() {
    return types.stream().filter(PublicType::isApi).toList();
  }

  /**
   * Every broken rule, one line each, naming the type (or member) and the fix; empty when all hold.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (PublicType t : types) {
      Class<?> type = t.type();
      API own = type.getDeclaredAnnotation(API.class);
      if (type.getEnclosingClass() == null && own == null) {
        problems.add(
            t.name()
                + ": public but has no @API annotation. Annotate it"
                + " @API(status = ..., since = \"0.1\") (INTERNAL for plumbing another package needs) or make it"
                + " package-private.");
        continue;
      }
      if (t.status() == null) {
        continue; // nested in a type without @API: reported with its top-level type
      }
      if (own != null && own.since().isBlank()) {
        problems.add(
            t.name()
                + ": @API has no since; add since = \"0.1\" (the version that introduced it).");
      }
      if (isInInternalPackage(type) && t.status() != Status.INTERNAL) {
        problems.add(
            t.name()
                + ": in an internal package but marked "
                + t.status()
                + "; types in internal packages are @API(status = INTERNAL).");
      }
      if (t.isApi()) {
        problems.addAll(leaks(t));
      }
    }
    return problems;
  }

  private static boolean isInInternalPackage(Class<?> type) {
    return ("." + type.getPackageName() + ".").contains(".internal.");
  }

  /** Members of an API type whose signature names a type users cannot rely on. */
  private List<String> leaks(PublicType api) {
    Class<?> type = api.type();
    List<String> leaks = new ArrayList<>();
    Set<Type> supertypes = new LinkedHashSet<>();
    if (type.getGenericSuperclass() != null) {
      supertypes.add(type.getGenericSuperclass());
    }
    supertypes.addAll(List.of(type.getGenericInterfaces()));
    for (Type supertype : supertypes) {
      hidden(supertype).forEach(h -> leaks.add(api.name() + " extends or implements " + h + "."));
    }
    boolean subclassable =
        !Modifier.isFinal(type.getModifiers())
            && !type.isEnum()
            && !type.isRecord()
            && !type.isSealed();
    List<Member> members = new ArrayList<>();
    members.addAll(List.of(type.getDeclaredConstructors()));
    members.addAll(List.of(type.getDeclaredMethods()));
    members.addAll(List.of(type.getDeclaredFields()));
    // Reflection returns members in no fixed order: sort, so messages are stable.
    members.sort(
        Comparator.comparing(
                (Member m) -> m instanceof Constructor<?> ? 0 : m instanceof Method ? 1 : 2)
            .thenComparing(PublicTypes::describe));
    for (Member member : members) {
      int modifiers = member.getModifiers();
      boolean visible =
          Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && subclassable);
      if (!visible
          || member.isSynthetic()
          || (member instanceof Method m && m.isBridge())
          || markedInternal(member)) {
        continue;
      }
      for (String h : hiddenInSignature(member)) {
        leaks.add(
            api.name()
                + "."
                + describe(member)
                + " exposes "
                + h
                + ". Make that type API, or mark the member @API(status = INTERNAL), or hide the member.");
      }
    }
    return leaks;
  }

  private static boolean markedInternal(Member member) {
    API api = ((java.lang.reflect.AnnotatedElement) member).getDeclaredAnnotation(API.class);
    return api != null && api.status() == Status.INTERNAL;
  }

  private Set<String> hiddenInSignature(Member member) {
    Set<String> hidden = new LinkedHashSet<>();
    try {
      if (member instanceof Field f) {
        hidden.addAll(hidden(f.getGenericType()));
      } else {
        Executable e = (Executable) member;
        if (e instanceof Method m) {
          hidden.addAll(hidden(m.getGenericReturnType()));
        }
        for (Type p : e.getGenericParameterTypes()) {
          hidden.addAll(hidden(p));
        }
        for (Type x : e.getGenericExceptionTypes()) {
          hidden.addAll(hidden(x));
        }
      }
    } catch (TypeNotPresentException | LinkageError e) {
      hidden.add("a type that cannot be loaded (" + e + ")");
    }
    return hidden;
  }

  /**
   * The project types inside {@code type} (type arguments, bounds, arrays included) that are not
   * API.
   */
  private Set<String> hidden(Type type) {
    Set<String> hidden = new LinkedHashSet<>();
    collectHidden(type, hidden, new LinkedHashSet<>());
    return hidden;
  }

  private void collectHidden(Type type, Set<String> hidden, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> element = c;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (element.getName().startsWith(projectPrefix)) {
        Optional<API> api = effectiveApi(element);
        if (!isPublic(element)) {
          hidden.add("non-public type " + element.getName());
        } else if (api.isPresent() && api.get().status() == Status.INTERNAL) {
          hidden.add("INTERNAL type " + element.getCanonicalName());
        }
      }
    } else if (type instanceof ParameterizedType p) {
      collectHidden(p.getRawType(), hidden, seen);
      for (Type argument : p.getActualTypeArguments()) {
        collectHidden(argument, hidden, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      collectHidden(a.getGenericComponentType(), hidden, seen);
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        collectHidden(bound, hidden, seen);
      }
      for (Type bound : w.getLowerBounds()) {
        collectHidden(bound, hidden, seen);
      }
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        collectHidden(bound, hidden, seen);
      }
    }
  }

  private static String describe(Member member) {
    if (member instanceof Field) {
      return member.getName();
    }
    Executable e = (Executable) member;
    StringBuilder text =
        new StringBuilder(e instanceof Constructor<?> ? "<init>" : e.getName()).append('(');
    Class<?>[] parameters = e.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      text.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
    }
    return text.append(')').toString();
  }
}
