package com.teahouse.cases.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.teahouse.texts.DialogsDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The routing data, dialogs/categories.yaml: category → handling unit and working days; unit names. */
@Component
class Catalogue {

    record Category(String id, String unit, int days, String zh, String en) {
    }

    record Unit(String id, String zh, String en) {
    }

    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final String general;

    @SuppressWarnings("unchecked")
    Catalogue(DialogsDir dialogs) {
        Path file = dialogs.resolve("categories.yaml");
        try {
            Map<String, Object> data = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
            for (Map<String, Object> u : (List<Map<String, Object>>) data.get("units")) {
                units.put((String) u.get("id"), new Unit((String) u.get("id"), (String) u.get("zh"),
                        (String) u.get("en")));
            }
            for (Map<String, Object> c : (List<Map<String, Object>>) data.get("categories")) {
                var category = new Category((String) c.get("id"), (String) c.get("unit"),
                        ((Number) c.getOrDefault("days", 5)).intValue(), (String) c.get("zh"), (String) c.get("en"));
                if (!units.containsKey(category.unit())) {
                    throw new IllegalStateException(file + ": category " + category.id() + " names unknown unit "
                            + category.unit());
                }
                categories.put(category.id(), category);
            }
            general = (String) data.getOrDefault("general", "other");
            if (!categories.containsKey(general)) {
                throw new IllegalStateException(file + ": general category " + general + " is not in the list");
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The category itself, or the general desk for null or unknown ids. */
    Category category(String id) {
        return id == null ? categories.get(general) : categories.getOrDefault(id, categories.get(general));
    }

    boolean hasUnit(String id) {
        return units.containsKey(id);
    }

    List<String> categoryIds() {
        return List.copyOf(categories.keySet());
    }

    List<String> unitIds() {
        return List.copyOf(units.keySet());
    }

    String unitName(String id, String language) {
        Unit unit = units.get(id);
        return unit == null ? id : "en".equals(language) ? unit.en() : unit.zh();
    }

    String categoryName(String id, String language) {
        Category c = categories.get(id);
        return c == null ? String.valueOf(id) : "en".equals(language) ? c.en() : c.zh();
    }
}
