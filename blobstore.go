package ratsinfo

import (
	"context"
	"io"
)

// BlobStore keeps file contents. Keys are chosen by the store (content hashes).
type BlobStore interface {
	// Put stores r's content and returns its key, size and SHA-512 in hex.
	Put(ctx context.Context, r io.Reader) (key string, size int64, sha512 string, err error)
	// Open returns the content under key.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
}

// BlobBatcher is a BlobStore that can write many blobs behind one durability
// barrier: bulk imports download thousands of files, and a sync per file would
// cost most of their time.
type BlobBatcher interface {
	BlobStore
	NewBatch() BlobBatch
}

// BlobBatch writes blobs whose content is durable only after Sync. A caller
// commits a reference to such a blob only after Sync returned without error, so
// that no committed row points at content a crash could lose.
type BlobBatch interface {
	BlobStore
	// Sync makes every blob put so far durable under its key.
	Sync(ctx context.Context) error
	// Discard drops what was put since the last Sync.
	Discard()
}
