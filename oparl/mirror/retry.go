package mirror

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// retryFiles downloads again the file contents that failed before: after a
// failed download the file is stored without content, and a later run would
// see its unchanged object and never try again. What arrives now is attached to
// the file; what fails again stays in the set.
func (im *importer) retryFiles(ctx context.Context) error {
	if len(im.retry) == 0 {
		return nil
	}
	im.rep.mu.Lock()
	im.rep.list, im.rep.listTotal = "Fehlgeschlagene Dateien erneut laden", 0
	im.rep.mu.Unlock()
	todo := make(map[string]string, len(im.retry))
	for access, fileURL := range im.retry {
		if _, ok := im.fetched.Load(access); !ok { // not tried in this run already
			todo[access] = fileURL
		}
	}
	for access, fileURL := range todo {
		b, ok := im.fetchContent(ctx, access, "")
		if err := ctx.Err(); err != nil {
			return err
		}
		if !ok && b.retry {
			continue // stays in the set for the next run
		}
		err := im.inTx(ctx, func(ctx context.Context) error {
			im.needSync = true
			if ok {
				if err := im.attachRetried(ctx, access, fileURL, b); err != nil {
					return err
				}
			}
			return im.src.SetRetryFile(ctx, im.system, access, "")
		})
		if err != nil {
			return err
		}
		delete(im.retry, access)
	}
	return nil
}

// attachRetried gives the file of fileURL the content b, unless the file is gone
// or holds content already.
func (im *importer) attachRetried(ctx context.Context, access, fileURL string, b blobInfo) error {
	raw, _ := json.Marshal(b)
	if err := im.src.SetCheckpoint(ctx, blobPrefix+access, string(raw)); err != nil {
		return err
	}
	im.blobStaged[access] = b
	ref, found, err := im.lookup(ctx, fileURL)
	if err != nil || !found || ref.ID == 0 || ref.Kind != ratsinfo.KindFile || !im.ownRow(ref) {
		return err
	}
	f, err := im.store.FindFileByID(ctx, ref.ID)
	switch {
	case ratsinfo.ErrorCode(err) == ratsinfo.ENOTFOUND:
		return nil
	case err != nil:
		return fmt.Errorf("find file %d: %w", ref.ID, err)
	case f.Deleted || f.BlobKey != "":
		return nil
	}
	f.BlobKey, f.Size, f.SHA512Checksum = b.Key, b.Size, b.SHA512
	if f.MimeType == "" {
		f.MimeType = b.Mime
	}
	if err := im.store.UpdateFile(ctx, f); err != nil {
		return fmt.Errorf("attach content to file %d: %w", ref.ID, err)
	}
	im.rep.add(&im.rep.Updated, 1)
	return nil
}
