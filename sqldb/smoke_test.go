package sqldb

import "testing"

func TestSmoke(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, c *clock) {
		newCity(t, db)
	})
}
