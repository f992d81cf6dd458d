package com.teahouse.staff.internal;

import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Attachment;
import com.teahouse.messaging.ChannelFiles;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /staff/api/cases/{t}/attachments/{i}}: a file the entrepreneur sent, fetched by the server from its
 * channel and passed on, for whoever {@link CasePolicy} lets see the case (others: 404, as for an unknown case).
 * Never a channel URL. Capped at {@code teahouse.console.max-download-bytes} (413 above). Images are shown
 * inline; anything else is a download, and never sniffed into something a browser would run.
 */
@RestController
class AttachmentsApi {

    private static final Logger log = LoggerFactory.getLogger(AttachmentsApi.class);

    private final CaseWork work;
    private final ConsoleAccess access;
    private final ObjectProvider<ChannelFiles> files;
    private final ConsoleProperties props;

    AttachmentsApi(CaseWork work, ConsoleAccess access, ObjectProvider<ChannelFiles> files,
            ConsoleProperties props) {
        this.work = work;
        this.access = access;
        this.files = files;
        this.props = props;
    }

    @GetMapping("/staff/api/cases/{t}/attachments/{i}")
    ResponseEntity<?> download(Principal principal, @PathVariable String t, @PathVariable int i) {
        Account a = access.me(principal);
        CaseRecord c = work.get(t).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var refused = access.refusal(a.caller(), CasePolicy.Action.SEE, c, CasePolicy.Input.NONE);
        if (refused != null) {
            return refused;
        }
        List<Attachment> all = c.attachments();
        if (i < 0 || i >= all.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Attachment file = all.get(i);
        long max = props.maxDownloadBytes();
        if (file.size() != null && file.size() > max) {
            return access.refused(HttpStatus.PAYLOAD_TOO_LARGE, access.message("console.file.too_large"));
        }
        String channel = c.owner() == null ? null : c.owner().channel();
        ChannelFiles source = files.stream().filter(f -> f.serves(channel)).findFirst().orElse(null);
        if (source == null) {
            return access.refused(HttpStatus.SERVICE_UNAVAILABLE, access.message("console.file.unavailable"));
        }
        byte[] bytes;
        try {
            bytes = source.fetch(file.fileId(), max);
        } catch (ChannelFiles.TooLarge e) {
            return access.refused(HttpStatus.PAYLOAD_TOO_LARGE, access.message("console.file.too_large"));
        } catch (IOException e) {
            log.warn("An attachment of case {} could not be fetched: {}", c.trackingNumber(), e.getMessage());
            return access.refused(HttpStatus.BAD_GATEWAY, access.message("console.file.unavailable"));
        }
        boolean image = "photo".equals(file.kind()) || (file.mimeType() != null
                && List.of("image/jpeg", "image/png", "image/gif", "image/webp").contains(file.mimeType()));
        MediaType type = image ? (file.mimeType() == null ? MediaType.IMAGE_JPEG : MediaType.parseMediaType(
                file.mimeType())) : MediaType.APPLICATION_OCTET_STREAM;
        String name = file.fileName() == null ? c.trackingNumber() + "-" + (i + 1) : file.fileName();
        return ResponseEntity.ok().contentType(type).contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, (image ? ContentDisposition.inline()
                        : ContentDisposition.attachment()).filename(name, java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .body(bytes);
    }
}
