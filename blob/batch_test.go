package blob

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatch: a batched content reaches its key only at Sync, duplicates are
// stored once, and Discard leaves no temporary files.
func TestBatch(t *testing.T) {
	ctx := context.Background()
	d, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b := d.NewBatch()
	key, _, _, err := b.Put(ctx, strings.NewReader("Niederschrift"))
	if err != nil {
		t.Fatal(err)
	}
	if key2, _, _, _ := b.Put(ctx, strings.NewReader("Niederschrift")); key2 != key {
		t.Fatalf("same content, keys %s and %s", key, key2)
	}
	if _, err := d.Open(ctx, key); err == nil {
		t.Fatal("content readable under its key before Sync")
	}
	if err := b.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := d.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if string(got) != "Niederschrift" {
		t.Fatalf("read %q", got)
	}
	// Known content costs no file; unknown content put and discarded leaves none.
	if _, _, _, err := b.Put(ctx, strings.NewReader("Niederschrift")); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := b.Put(ctx, strings.NewReader("Anlage")); err != nil {
		t.Fatal(err)
	}
	b.Discard()
	if left, _ := filepath.Glob(filepath.Join(d.root, ".upload-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
