package httpstatus

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

func TestOf(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{ratsinfo.Errorf(ratsinfo.EINVALID, "x"), http.StatusBadRequest},
		{ratsinfo.NotFound(ratsinfo.KindPaper, 1), http.StatusNotFound},
		{ratsinfo.Errorf(ratsinfo.ECONFLICT, "x"), http.StatusConflict},
		{ratsinfo.Errorf(ratsinfo.EUNAUTHORIZED, "x"), http.StatusUnauthorized},
		{ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "x"), http.StatusForbidden},
		{ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "x"), http.StatusServiceUnavailable},
		{ratsinfo.Errorf(ratsinfo.EINTERNAL, "x"), http.StatusInternalServerError},
		{fmt.Errorf("find paper 3: %w", ratsinfo.NotFound(ratsinfo.KindPaper, 3)), http.StatusNotFound},
		{errors.New("disk on fire"), http.StatusInternalServerError},
		{ratsinfo.Errorf("no-such-code", "x"), http.StatusInternalServerError},
	} {
		if got := Of(ratsinfo.ErrorCode(c.err)); got != c.want {
			t.Errorf("%v (%s): status %d, want %d", c.err, ratsinfo.ErrorCode(c.err), got, c.want)
		}
	}
}
