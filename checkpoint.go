package ratsinfo

import "context"

// Checkpoints are named values that a long-running job keeps next to the data it
// covers: list cursors and last successful runs of the mirror today, the change-feed
// position of a search index or an alert sender later. They are written in the
// transaction of the context (RecordWriter.InTransaction), so a checkpoint never
// runs ahead of the data it covers. Writes ask CanWriteRecord (EFORBIDDEN).
type Checkpoints interface {
	// Checkpoint returns the value stored under key, or "" if there is none.
	Checkpoint(ctx context.Context, key string) (string, error)
	// Checkpoints returns every checkpoint whose key starts with prefix.
	Checkpoints(ctx context.Context, prefix string) (map[string]string, error)
	// SetCheckpoint stores value under key; an empty value removes the key.
	SetCheckpoint(ctx context.Context, key, value string) error
}
