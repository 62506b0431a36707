// Package blob keeps file contents in a folder of the data directory, addressed by
// their SHA-256 so that identical content is stored once and a key never changes.
package blob

import (
	"bytes"
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
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Dir stores blobs as files below one folder, in 256 fan-out subfolders named by
// the key's first two hex digits. (Earlier versions used two levels, ab/cd/key;
// those files are still found. One level it is because creating a folder costs
// more than creating a file, and two levels made almost every new blob create
// one: on some disks that was most of an import's time.)
type Dir struct {
	root string
}

var _ ratsinfo.BlobStore = (*Dir)(nil)

// NewDir returns a blob store in dir, creating the folder if needed. Temporary
// files that a crash left behind are removed once they are older than
// staleUpload: nothing writes that long to one, and nothing else removes them.
func NewDir(dir string) (*Dir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, storageError(dir, err)
	}
	d := &Dir{root: filepath.Clean(dir)}
	if err := d.sweep(time.Now().Add(-staleUpload)); err != nil {
		return nil, err
	}
	return d, nil
}

// staleUpload is the age after which a temporary upload file is a crash's leftover.
const staleUpload = time.Hour

// sweep removes temporary upload files last written before cutoff.
func (d *Dir) sweep(cutoff time.Time) error {
	tmps, err := filepath.Glob(filepath.Join(d.root, ".upload-*"))
	if err != nil {
		return fmt.Errorf("sweep %s: %w", d.root, err)
	}
	for _, p := range tmps {
		fi, err := os.Lstat(p)
		if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Before(cutoff) {
			continue // gone meanwhile, not ours, or still being written
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return storageError(d.root, err)
		}
	}
	return nil
}

// Put writes r to a temporary file first and renames it into place only after a
// successful fsync, so a crash or a full disk never leaves a truncated blob under a
// valid key. The folders are synced too: the caller commits a reference to the key
// next, and a rename that a crash could undo would leave that reference dangling.
func (d *Dir) Put(ctx context.Context, r io.Reader) (string, int64, string, error) {
	w, err := d.writeTemp(ctx, r, true)
	if err != nil {
		return "", 0, "", err
	}
	if w.tmp != "" {
		defer os.Remove(w.tmp) // no-op after a successful rename
	}
	dir, err := d.place(w)
	if err != nil {
		return "", 0, "", err
	}
	dirs := map[string]bool{}
	d.addDirs(dirs, dir)
	if err := d.syncDirs(dirs); err != nil {
		return "", 0, "", err
	}
	return w.key, w.size, w.sha512, nil
}

// addDirs adds dir and its parents up to the root (MkdirAll may have created the
// fan-out folders, whose own entries must be durable too).
func (d *Dir) addDirs(dirs map[string]bool, dir string) {
	if dir == "" {
		return
	}
	for ; len(dir) > len(d.root); dir = filepath.Dir(dir) {
		dirs[dir] = true
	}
	dirs[d.root] = true
}

func (d *Dir) syncDirs(dirs map[string]bool) error {
	for dir := range dirs {
		if err := syncPath(dir); err != nil {
			return storageError(d.root, err)
		}
	}
	return nil
}

// written is content in a temporary file, not yet under its key.
type written struct {
	tmp, key, sha512 string
	size             int64
}

// memLimit is the size up to which a content is hashed in memory before any file
// is made: content already stored under its key (the same attachment in many
// papers, a re-import) then costs no file at all.
const memLimit = 1 << 20

// writeTemp copies r into a temporary file in the root and hashes it on the way.
// A small content whose key exists already gets no temporary file (tmp is "").
func (d *Dir) writeTemp(ctx context.Context, r io.Reader, sync bool) (written, error) {
	h256, h512 := sha256.New(), sha512.New()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(readerWithContext{ctx, r}, memLimit+1))
	if err != nil {
		return written{}, storageError(d.root, err)
	}
	if n <= memLimit {
		h256.Write(buf.Bytes())
		h512.Write(buf.Bytes())
		w := written{key: hex.EncodeToString(h256.Sum(nil)), sha512: hex.EncodeToString(h512.Sum(nil)), size: n}
		if d.exists(w.key) {
			return w, nil
		}
		h256.Reset()
		h512.Reset()
	}
	tmp, err := os.CreateTemp(d.root, ".upload-*")
	if err != nil {
		return written{}, storageError(d.root, err)
	}
	size, err := io.Copy(io.MultiWriter(tmp, h256, h512), io.MultiReader(&buf, readerWithContext{ctx, r}))
	if err == nil && sync {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return written{}, storageError(d.root, err)
	}
	return written{tmp: tmp.Name(), key: hex.EncodeToString(h256.Sum(nil)),
		sha512: hex.EncodeToString(h512.Sum(nil)), size: size}, nil
}

// place renames a written temporary file to its key, unless that key holds the
// content already, and returns the folder that got a new entry ("" if none).
func (d *Dir) place(w written) (string, error) {
	if w.tmp == "" {
		return "", nil
	}
	if d.exists(w.key) {
		return "", nil
	}
	path := d.path(w.key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", storageError(d.root, err)
	}
	if err := os.Rename(w.tmp, path); err != nil {
		return "", storageError(d.root, err)
	}
	return filepath.Dir(path), nil
}

// Open returns the content stored under key.
func (d *Dir) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if !validKey(key) {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Der Dateiinhalt wurde nicht gefunden.")
	}
	f, err := os.Open(d.path(key))
	if errors.Is(err, os.ErrNotExist) {
		f, err = os.Open(d.legacyPath(key))
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Der Dateiinhalt wurde nicht gefunden.")
	}
	if err != nil {
		return nil, fmt.Errorf("open blob %s: %w", key, err)
	}
	return f, nil
}

func (d *Dir) path(key string) string {
	return filepath.Join(d.root, key[:2], key)
}

// legacyPath is where earlier versions put the blob of key.
func (d *Dir) legacyPath(key string) string {
	return filepath.Join(d.root, key[:2], key[2:4], key)
}

// exists reports whether the blob of key is stored, in either layout.
func (d *Dir) exists(key string) bool {
	if _, err := os.Stat(d.path(key)); err == nil {
		return true
	}
	_, err := os.Stat(d.legacyPath(key))
	return err == nil
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
// messages that name the folder; the binary adds which of its settings moves it.
func storageError(dir string, err error) error {
	switch {
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		return ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Der Dateiordner %s ist nicht beschreibbar. Bitte Schreibrechte prüfen oder einen anderen Ordner wählen.", dir)
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
