//go:build !linux

package blob

// syncAll makes the named files and folders durable, one fsync each.
func syncAll(_ string, paths []string) error {
	for _, p := range paths {
		if err := syncPath(p); err != nil {
			return err
		}
	}
	return nil
}
