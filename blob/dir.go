// Package blob keeps file contents in a folder of the data directory, addressed by
// their SHA-256 so that identical content is stored once and a key never changes.
package blob

import (
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/ratsinfo/ratsinfo"
)

// Dir stores blobs as files below one folder, in two-level fan-out subfolders.
type Dir struct {
	root string
}

var _ ratsinfo.BlobStore = (*Dir)(nil)

// NewDir returns a blob store in dir, creating the folder if needed.
func NewDir(dir string) (*Dir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, storageError(dir, err)
	}
	return &Dir{root: dir}, nil
}

// Put writes r to a temporary file first and renames it into place only after a
// successful fsync, so a crash or a full disk never leaves a truncated blob under a
// valid key.
func (d *Dir) Put(ctx context.Context, r io.Reader) (string, int64, string, error) {
	tmp, err := os.CreateTemp(d.root, ".upload-*")
	if err != nil {
		return "", 0, "", storageError(d.root, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename

	h256, h512 := sha256.New(), sha512.New()
	size, err := io.Copy(io.MultiWriter(tmp, h256, h512), readerWithContext{ctx, r})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, "", storageError(d.root, err)
	}
	key := hex.EncodeToString(h256.Sum(nil))
	path := d.path(key)
	if _, err := os.Stat(path); err == nil {
		return key, size, hex.EncodeToString(h512.Sum(nil)), nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", 0, "", storageError(d.root, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", 0, "", storageError(d.root, err)
	}
	return key, size, hex.EncodeToString(h512.Sum(nil)), nil
}

// Open returns the content stored under key.
func (d *Dir) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if !validKey(key) {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Der Dateiinhalt wurde nicht gefunden.")
	}
	f, err := os.Open(d.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Der Dateiinhalt wurde nicht gefunden.")
	}
	if err != nil {
		return nil, fmt.Errorf("open blob %s: %w", key, err)
	}
	return f, nil
}

func (d *Dir) path(key string) string {
	return filepath.Join(d.root, key[:2], key[2:4], key)
}

// validKey refuses anything but a lower-case SHA-256 hex string, so a key can never
// name a path outside the folder.
func validKey(key string) bool {
	if len(key) != 64 {
		return false
	}
	return strings.Trim(key, "0123456789abcdef") == ""
}

// storageError turns the errors a user can fix (permissions, full disk) into German
// messages that name the folder and the setting.
func storageError(dir string, err error) error {
	switch {
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		return ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Der Dateiordner %s ist nicht beschreibbar. Bitte Schreibrechte prüfen oder mit --data-dir einen anderen Ordner wählen.", dir)
	case errors.Is(err, syscall.ENOSPC):
		return ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Auf dem Datenträger von %s ist kein Platz mehr. Bitte Speicher freigeben; es wurde nichts gespeichert.", dir)
	}
	return fmt.Errorf("blob storage %s: %w", dir, err)
}

type readerWithContext struct {
	ctx context.Context
	r   io.Reader
}

func (r readerWithContext) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}
