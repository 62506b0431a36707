package ratsinfo

import "context"

// SourceRef is what a mirror remembers about one object it copied from a foreign
// OParl server: which local object it became, and a fingerprint of the source
// JSON, so that an unchanged object costs no write on the next run.
type SourceRef struct {
	Kind Kind
	ID   int64
	Hash string // fingerprint of the source object; "" forces a rewrite next time
	// System is the System URL of the import that wrote the row ("" before
	// it was recorded): another system's import leaves the object alone.
	System string
}

// SourceMap is the bookkeeping of an OParl mirror: the source URL of every imported
// object, so that a re-import updates instead of duplicating. It is written in the
// transaction of the context (RecordWriter.InTransaction), so a source entry never
// names an object that was rolled back. Writes ask CanWriteRecord (EFORBIDDEN).
type SourceMap interface {
	// FindBySource returns the local object a source URL was imported as, or an
	// ENOTFOUND error.
	FindBySource(ctx context.Context, url string) (SourceRef, error)
	// Sources returns every source URL with what it was imported as: an import
	// loads them once instead of asking for each object it reads.
	Sources(ctx context.Context) (map[string]SourceRef, error)
	// RecordSource remembers (or replaces) what url was imported as.
	RecordSource(ctx context.Context, url string, ref SourceRef) error
	// RetryFiles returns the file contents of system whose download failed, as
	// access URL → the source URL of the File object.
	RetryFiles(ctx context.Context, system string) (map[string]string, error)
	// SetRetryFile puts a failed download into system's retry set; an empty
	// fileURL takes it out.
	SetRetryFile(ctx context.Context, system, accessURL, fileURL string) error
}
