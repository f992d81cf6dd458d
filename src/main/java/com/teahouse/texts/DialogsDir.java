package com.teahouse.texts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the dialog files live ({@code teahouse.dialogs.dir}): the texts under {@code texts/}, and the data files
 * other modules read beside them (the web page's words, the routing catalogue). Published here, with the texts,
 * so that those modules read the one setting through one record instead of each parsing the property itself; the
 * conversation's own settings under the same prefix stay in the dialog module.
 *
 * @param dir the flows, catalogues and every user-facing text
 */
@ConfigurationProperties("teahouse.dialogs")
public record DialogsDir(String dir) {

    public DialogsDir {
        dir = dir == null || dir.isBlank() ? "./dialogs" : dir;
    }

    /** A file or folder in the dialogs directory. */
    public Path resolve(String name) {
        return Path.of(dir, name);
    }
}
