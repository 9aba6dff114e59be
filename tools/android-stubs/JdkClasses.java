// Lists the public classes of this JDK's modules, one per line: "I name"
// for an interface, "C name" otherwise, each followed by its public methods
// ("M class name arity abstract return params", erased). gen_java.py takes java.* types from the
// JDK kotlinc compiles against, and needs to know which are interfaces and
// which methods a stub inherits from them.
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

public class JdkClasses {
    public static void main(String[] args) throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        ClassLoader loader = ClassLoader.getPlatformClassLoader();
        // The jars given as arguments too (kotlin-stdlib, kotlinx-coroutines,
        // JNA): what else kotlinc compiles against.
        java.net.URL[] urls = new java.net.URL[args.length];
        for (int i = 0; i < args.length; i++) urls[i] = new java.io.File(args[i]).toURI().toURL();
        ClassLoader jars = new java.net.URLClassLoader(urls, loader);
        for (String jar : args) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                    String rel = e.getName();
                    if (!rel.endsWith(".class") || rel.contains("-") || rel.startsWith("META-INF")) continue;
                    print(jars, rel.substring(0, rel.length() - 6).replace('/', '.'));
                }
            }
        }
        for (Path module : (Iterable<Path>) Files.list(jrt.getPath("/modules"))::iterator) {
            try (Stream<Path> files = Files.walk(module)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String rel = module.relativize(p).toString();
                    if (!rel.endsWith(".class") || rel.contains("-") || rel.equals("module-info.class")) continue;
                    print(loader, rel.substring(0, rel.length() - 6).replace('/', '.'));
                }
            }
        }
    }

    static void print(ClassLoader loader, String name) {
                    try {
                        Class<?> c = Class.forName(name, false, loader);
                        if (!Modifier.isPublic(c.getModifiers())) return;
                        if (!c.getModule().isExported(c.getPackageName())) return;
                        String cname = c.getName().replace('$', '.');
                        System.out.println((c.isInterface() ? "I " : "C ") + cname);
                        // Its public methods, by name and arity, and whether abstract:
                        // a stub that redeclares one is left to inherit it.
                        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                            int mod = m.getModifiers();
                            if (!Modifier.isPublic(mod) || m.isSynthetic() || m.isBridge()) continue;
                            StringBuilder params = new StringBuilder();
                            for (Class<?> p : m.getParameterTypes()) {
                                if (params.length() > 0) params.append(',');
                                params.append(p.getTypeName().replace('$', '.'));
                            }
                            System.out.println("M " + cname + " " + m.getName() + " " + m.getParameterCount()
                                    + " " + (Modifier.isAbstract(mod) ? 1 : 0)
                                    + " " + m.getReturnType().getTypeName().replace('$', '.')
                                    + " " + (params.length() == 0 ? "-" : params));
                        }
                    } catch (Throwable t) {
                        // not loadable here: not part of the API kotlinc sees
                    }
    }
}
