package io.cellardoor.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads every class of a plugin jar before the host loads it and refuses a jar whose code reaches past the plugin API:
 * the database driver or connection pool, the host's own classes or Spring, environment variables and system
 * properties, files, sockets, processes, class loaders and reflection, native code, or new threads.
 *
 * <p>The check is an allow-list of the packages plugin code may name (the plugin API, PF4J's {@code @Extension},
 * SLF4J, JSpecify, and the JDK's language, collections, text, time, math and in-memory I/O packages), narrowed inside
 * them by member: {@code System.getenv}, {@code Class.forName}, {@code Thread.start}, {@code Executors},
 * {@code MethodHandles.lookup} and the like are refused. Every symbolic reference is checked: types in signatures,
 * calls, field accesses, constants, method handles and bootstrap arguments of {@code invokedynamic}, annotations. Classes
 * the jar itself defines are always allowed. {@code cellardoor.plugins.allowed-packages} adds packages an operator
 * trusts a plugin with (e.g. {@code java.net.http} for a plugin that calls a booking API).
 *
 * <p>This is a gate on what plugin code is written to do, not a sandbox: the JDK has had no in-process isolation
 * since the Security Manager was removed (JEP 486), so memory, CPU and shared static state are contained by the
 * bulkheads of {@link PluginCalls} instead, and the trust in a jar's author comes from its signature
 * ({@link PluginSignatures}). docs/privacy-and-security.md lists what stays possible.
 */
@Component
class PluginCodePolicy {

    /**
     * The outcome of a check.
     *
     * @param violations each reference refused, e.g. {@code test.Evil calls java.lang.System.getenv}, sorted; empty
     *     when the jar may load
     */
    record Verdict(List<String> violations) {

        boolean accepted() {
            return violations.isEmpty();
        }

        /** A sentence for the log, the console and the upload's problem; empty when accepted. */
        String reason() {
            if (violations.isEmpty()) {
                return "";
            }
            int shown = Math.min(5, violations.size());
            String more = violations.size() > shown ? "; and " + (violations.size() - shown) + " more" : "";
            return "its code reaches past the plugin API: " + String.join("; ", violations.subList(0, shown)) + more
                    + ". Plugins read knowledge only through PluginContext (docs/writing-a-plugin.md, \"What plugin"
                    + " code may use\").";
        }
    }

    /** Packages (internal form) whose every type plugin code may name, apart from the refusals below. */
    private static final Set<String> PACKAGES = Set.of(
            "java/lang",
            "java/lang/annotation",
            "java/lang/constant",
            "java/lang/invoke",
            "java/lang/runtime",
            "java/util",
            "java/util/concurrent",
            "java/util/concurrent/atomic",
            "java/util/concurrent/locks",
            "java/util/function",
            "java/util/regex",
            "java/util/stream",
            "java/text",
            "java/time",
            "java/time/chrono",
            "java/time/format",
            "java/time/temporal",
            "java/time/zone",
            "java/math",
            "java/io",
            "java/nio",
            "java/nio/charset",
            "org/slf4j",
            "org/jspecify/annotations");

    /** Package prefixes (internal form) whose types and sub-packages plugin code may name. */
    private static final List<String> PREFIXES = List.of("io/cellardoor/plugin/api/");

    /** Single types of otherwise refused packages. */
    private static final Set<String> TYPES = Set.of(
            "org/pf4j/Extension",
            "org/pf4j/ExtensionPoint",
            "org/pf4j/Plugin",
            "java/net/URI",
            "java/net/URISyntaxException",
            "java/net/URLEncoder",
            "java/net/URLDecoder",
            "java/net/IDN");

    /** Types of allowed packages that are refused all the same, with their nested types. */
    private static final Set<String> REFUSED_TYPES = Set.of(
            "java/lang/ClassLoader",
            "java/lang/Module",
            "java/lang/ModuleLayer",
            "java/lang/Process",
            "java/lang/ProcessBuilder",
            "java/lang/ProcessHandle",
            "java/lang/SecurityManager",
            "java/lang/StackWalker",
            "java/lang/ThreadGroup",
            "java/io/Console",
            "java/io/File",
            "java/io/FileDescriptor",
            "java/io/FileInputStream",
            "java/io/FileOutputStream",
            "java/io/FileReader",
            "java/io/FileWriter",
            "java/io/ObjectInputStream",
            "java/io/RandomAccessFile",
            "java/util/ServiceLoader",
            "java/util/Timer",
            "java/util/concurrent/Executors",
            "java/util/concurrent/ForkJoinWorkerThread",
            "java/util/concurrent/ScheduledThreadPoolExecutor",
            "java/util/concurrent/ThreadPoolExecutor");

    /** Members refused by owner; {@code *} refuses every member but those of {@link #ONLY}. */
    private static final Map<String, Set<String>> REFUSED_MEMBERS = Map.of(
            "java/lang/System",
            Set.of(
                    "getenv",
                    "getProperty",
                    "getProperties",
                    "setProperty",
                    "setProperties",
                    "clearProperty",
                    "exit",
                    "load",
                    "loadLibrary",
                    "setIn",
                    "setOut",
                    "setErr",
                    "console",
                    "inheritedChannel",
                    "getSecurityManager",
                    "setSecurityManager"),
            "java/lang/Thread",
            Set.of(
                    "<init>",
                    "start",
                    "startVirtualThread",
                    "ofPlatform",
                    "ofVirtual",
                    "getContextClassLoader",
                    "setContextClassLoader",
                    "setDefaultUncaughtExceptionHandler",
                    "setUncaughtExceptionHandler",
                    "getAllStackTraces",
                    "setDaemon",
                    "setPriority",
                    "setName"),
            "java/util/concurrent/ForkJoinPool",
            Set.of("<init>"),
            "java/lang/invoke/MethodHandles",
            Set.of("*"),
            "java/lang/invoke/MethodHandles$Lookup",
            Set.of("*"),
            "java/lang/Runtime",
            Set.of("*"),
            "java/lang/Class",
            Set.of("*"));

    /** For owners refused with {@code *}: the members that remain allowed. */
    private static final Map<String, Set<String>> ONLY = Map.of(
            "java/lang/Runtime",
            Set.of("getRuntime", "availableProcessors", "freeMemory", "maxMemory", "totalMemory", "version"),
            "java/lang/Class",
            Set.of(
                    "getName",
                    "getSimpleName",
                    "getCanonicalName",
                    "getTypeName",
                    "getPackageName",
                    "isInstance",
                    "cast",
                    "isAssignableFrom",
                    "desiredAssertionStatus",
                    "getEnumConstants",
                    "isEnum",
                    "isRecord",
                    "isArray",
                    "isInterface",
                    "isPrimitive",
                    "getComponentType",
                    "componentType",
                    "arrayType",
                    "descriptorString",
                    "hashCode",
                    "equals",
                    "toString"));

    /** Constructors that open a file by name: {@code new PrintStream(String)}, {@code new Formatter(String)}... */
    private static final Set<String> FILE_BY_NAME =
            Set.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter");

    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/(.+)\\.class$");

    private final List<String> extraPrefixes;

    @Autowired
    PluginCodePolicy(PluginProperties properties) {
        this(properties.allowedPackages());
    }

    /**
     * @param allowedPackages packages (dotted, e.g. {@code java.net.http}) plugin code may name besides the built-in
     *     list; a package allows its sub-packages too
     */
    PluginCodePolicy(List<String> allowedPackages) {
        this.extraPrefixes = allowedPackages.stream()
                .map(p -> p.strip().replace('.', '/'))
                .filter(p -> !p.isEmpty())
                .map(p -> p.endsWith("/") ? p : p + "/")
                .toList();
    }

    /**
     * Reads every class file of a jar (multi-release versions included).
     *
     * @return the verdict; a jar that cannot be read, or a class file that does not parse, is refused
     */
    Verdict check(Path jar) {
        Set<String> violations = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Set<String> own = new HashSet<>();
            List<JarEntry> classes = new ArrayList<>();
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.endsWith("module-info.class")) {
                    continue;
                }
                Matcher versioned = VERSIONED.matcher(name);
                own.add(versioned.matches() ? versioned.group(1) : name.substring(0, name.length() - 6));
                classes.add(entry);
            }
            for (JarEntry entry : classes) {
                try (InputStream in = file.getInputStream(entry)) {
                    new ClassReader(in.readAllBytes())
                            .accept(new References(own, violations), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                } catch (RuntimeException e) {
                    violations.add(entry.getName() + " is not a class file the host can read (" + e + ")");
                }
            }
        } catch (IOException e) {
            violations.add("the jar cannot be read (" + e.getMessage() + ")");
        }
        return new Verdict(List.copyOf(violations));
    }

    /** Whether plugin code may name this type (internal name). */
    private boolean typeAllowed(String type, Set<String> own) {
        if (own.contains(type)) {
            return true;
        }
        int dollar = type.indexOf('$');
        String outer = dollar < 0 ? type : type.substring(0, dollar);
        if (REFUSED_TYPES.contains(outer)) {
            return false;
        }
        if (type.startsWith("java/lang/Thread$Builder")) {
            return false; // makes threads
        }
        if (TYPES.contains(outer) || PREFIXES.stream().anyMatch(type::startsWith)) {
            return true;
        }
        if (extraPrefixes.stream().anyMatch(type::startsWith)) {
            return true;
        }
        int slash = type.lastIndexOf('/');
        return slash > 0 && PACKAGES.contains(type.substring(0, slash));
    }

    /** Why calling or reading this member is refused; null when it is allowed (its owner's type is checked apart). */
    private static @Nullable String memberRefusal(String owner, String name, String descriptor) {
        Set<String> refused = REFUSED_MEMBERS.get(owner);
        if (refused != null) {
            boolean all = refused.contains("*");
            if ((all && !ONLY.getOrDefault(owner, Set.of()).contains(name)) || (!all && refused.contains(name))) {
                return "calls " + dotted(owner) + "." + name;
            }
        }
        if (name.equals("<init>") && FILE_BY_NAME.contains(owner) && descriptor.startsWith("(Ljava/lang/String;")) {
            return "opens a file by name with new " + dotted(owner) + "(String...)";
        }
        return null;
    }

    private static String dotted(String internal) {
        return internal.replace('/', '.');
    }

    /** Collects the refused references of one class. */
    private final class References extends ClassVisitor {

        private final Set<String> own;
        private final Set<String> violations;
        private String current = "?";

        References(Set<String> own, Set<String> violations) {
            super(Opcodes.ASM9);
            this.own = own;
            this.violations = violations;
        }

        private void type(@Nullable String internalOrDescriptor) {
            if (internalOrDescriptor == null) {
                return;
            }
            if (internalOrDescriptor.startsWith("[")) {
                descriptor(internalOrDescriptor);
            } else if (!typeAllowed(internalOrDescriptor, own)) {
                violations.add(dotted(current) + " uses " + dotted(internalOrDescriptor));
            }
        }

        private void descriptor(@Nullable String descriptor) {
            if (descriptor != null) {
                asmType(Type.getType(descriptor));
            }
        }

        private void asmType(Type t) {
            switch (t.getSort()) {
                case Type.ARRAY -> asmType(t.getElementType());
                case Type.OBJECT -> type(t.getInternalName());
                case Type.METHOD -> {
                    for (Type arg : t.getArgumentTypes()) {
                        asmType(arg);
                    }
                    asmType(t.getReturnType());
                }
                default -> {
                    // primitives and void
                }
            }
        }

        private void member(String owner, String name, String descriptor) {
            if (owner.startsWith("[")) {
                descriptor(owner); // e.g. clone() of an array
            } else {
                type(owner);
                String refusal = memberRefusal(owner, name, descriptor);
                if (refusal != null) {
                    violations.add(dotted(current) + " " + refusal);
                }
            }
            descriptor(descriptor);
        }

        private void handle(Handle h) {
            member(h.getOwner(), h.getName(), h.getDesc());
        }

        private void constant(@Nullable Object value) {
            switch (value) {
                case Type t -> asmType(t);
                case Handle h -> handle(h);
                case ConstantDynamic c -> {
                    descriptor(c.getDescriptor());
                    handle(c.getBootstrapMethod());
                    for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                        constant(c.getBootstrapMethodArgument(i));
                    }
                }
                case null, default -> {
                    // strings and numbers
                }
            }
        }

        private AnnotationVisitor annotation(String descriptor) {
            descriptor(descriptor);
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String name, Object value) {
                    constant(value);
                }

                @Override
                public void visitEnum(String name, String descriptor, String value) {
                    descriptor(descriptor);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                    return annotation(descriptor);
                }

                @Override
                public AnnotationVisitor visitArray(String name) {
                    return this;
                }
            };
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            current = name;
            type(superName);
            if (interfaces != null) {
                for (String i : interfaces) {
                    type(i);
                }
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return annotation(descriptor);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                violations.add(dotted(current) + " declares native method " + name);
            }
            descriptor(descriptor);
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(e);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return annotation(descriptor);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                    return annotation(descriptor);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    member(owner, name, descriptor);
                }

                @Override
                public void visitMethodInsn(
                        int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    member(owner, name, descriptor);
                }

                @Override
                public void visitInvokeDynamicInsn(
                        String name, String descriptor, Handle bootstrap, Object... arguments) {
                    descriptor(descriptor);
                    handle(bootstrap);
                    for (Object a : arguments) {
                        constant(a);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                    descriptor(descriptor);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    type(type);
                }
            };
        }
    }
}
