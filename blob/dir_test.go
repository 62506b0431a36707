package blob

import (
	"context"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

func TestPutOpenRoundTrip(t *testing.T) {
	ctx := context.Background()
	d, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	content := "Beantwortung der Anfrage – Smart City Offensive"
	key, size, sum, err := d.Put(ctx, strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	want := sha512.Sum512([]byte(content))
	if sum != hex.EncodeToString(want[:]) || size != int64(len(content)) {
		t.Fatalf("size %d sum %s, want %d %x", size, sum, len(content), want)
	}
	key2, _, _, err := d.Put(ctx, strings.NewReader(content))
	if err != nil || key2 != key {
		t.Fatalf("same content stored under %q and %q (err %v)", key, key2, err)
	}
	r, err := d.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, _ := io.ReadAll(r)
	if string(got) != content {
		t.Fatalf("read %q", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(d.root, ".upload-*"))
	if len(leftovers) != 0 {
		t.Fatalf("temporary files left behind: %v", leftovers)
	}
}

func TestOpenRejectsBadKeys(t *testing.T) {
	d, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"", "../../etc/passwd", strings.Repeat("g", 64), strings.Repeat("a", 64)} {
		if _, err := d.Open(context.Background(), key); ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND {
			t.Errorf("key %q: got %v, want not found", key, err)
		}
	}
}

func TestPutReadOnlyFolderGivesGermanError(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores directory permissions; simulate with a folder that is a file.
		dir := filepath.Join(t.TempDir(), "data")
		if err := os.WriteFile(dir, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := NewDir(dir); err == nil {
			t.Fatal("NewDir on a file succeeded")
		}
		return
	}
	dir := t.TempDir()
	d, err := NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, _, _, err = d.Put(context.Background(), strings.NewReader("x"))
	if msg := ratsinfo.ErrorMessage(err); ratsinfo.ErrorCode(err) != ratsinfo.EUNAVAILABLE || !strings.Contains(msg, dir) || strings.Contains(msg, "--") {
		t.Fatalf("got %v", err)
	}
}

// TestLegacyLayout keeps blobs of data folders written with two fan-out levels
// (ab/cd/key) readable, and does not store their content a second time.
func TestLegacyLayout(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	d, err := NewDir(root)
	if err != nil {
		t.Fatal(err)
	}
	content := "Niederschrift der Sitzung vom 27.02.2023"
	key, _, _, err := d.Put(ctx, strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, key[:2], key)); err != nil {
		t.Fatalf("new blob not in one-level layout: %v", err)
	}
	// Move it where an earlier version would have put it.
	legacy := filepath.Join(root, key[:2], key[2:4], key)
	if err := os.MkdirAll(filepath.Dir(legacy), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, key[:2], key), legacy); err != nil {
		t.Fatal(err)
	}
	r, err := d.Open(ctx, key)
	if err != nil {
		t.Fatalf("legacy blob not found: %v", err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if string(got) != content {
		t.Fatalf("legacy blob read %q", got)
	}
	for _, put := range []func(context.Context, io.Reader) (string, int64, string, error){d.Put, d.NewBatch().Put} {
		again, _, _, err := put(ctx, strings.NewReader(content))
		if err != nil || again != key {
			t.Fatalf("put again: %s %v", again, err)
		}
		if _, err := os.Stat(filepath.Join(root, key[:2], key)); err == nil {
			t.Fatal("content stored a second time beside its legacy copy")
		}
	}
}

// TestNewDirSweepsStaleUploads: temporary files a crash left behind are removed
// when the folder opens once they are old; a fresh one (an upload in progress in
// another process) stays.
func TestNewDirSweepsStaleUploads(t *testing.T) {
	dir := t.TempDir()
	old, fresh := filepath.Join(dir, ".upload-123"), filepath.Join(dir, ".upload-456")
	for _, p := range []string{old, fresh} {
		if err := os.WriteFile(p, []byte("halb geschrieben"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	if _, err := NewDir(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("alte Upload-Datei nicht entfernt: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("frische Upload-Datei entfernt: %v", err)
	}
}
