package io.gobuild.engine.port;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable copies for values that travel from an agent to the Jenkins controller. The JDK's
 * immutable collections (List.copyOf and friends) serialize through a class the controller's class
 * filter refuses; these wrappers of plain collections are on its list of accepted JDK classes.
 */
public final class Wire {
    private Wire() {
    }

    public static <T> List<T> list(Collection<? extends T> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static <T> Set<T> set(Collection<? extends T> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
