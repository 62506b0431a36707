package sqldb

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Values go into the database in one representation for both dialects: times as
// unix microseconds UTC (NULL when zero), dates as 'YYYY-MM-DD' (NULL when zero),
// string lists as JSON text, absent strings and ids as NULL.

func micros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func ref(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func date(d ratsinfo.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func strs(list []string) any {
	if len(list) == 0 {
		return nil
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// Scanners for nullable columns, so that scan lists stay one destination per column.

type nstr struct{ p *string }

func (n nstr) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.p = ""
	case string:
		*n.p = x
	case []byte:
		*n.p = string(x)
	default:
		return fmt.Errorf("scan string: unexpected %T", v)
	}
	return nil
}

type nint struct{ p *int64 }

func (n nint) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.p = 0
	case int64:
		*n.p = x
	default:
		return fmt.Errorf("scan int: unexpected %T", v)
	}
	return nil
}

type nbool struct{ p *bool }

func (n nbool) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.p = false
	case bool:
		*n.p = x
	case int64:
		*n.p = x != 0
	default:
		return fmt.Errorf("scan bool: unexpected %T", v)
	}
	return nil
}

type ntime struct{ p *time.Time }

func (n ntime) Scan(v any) error {
	var us int64
	if err := (nint{&us}).Scan(v); err != nil {
		return err
	}
	if v == nil {
		*n.p = time.Time{}
	} else {
		*n.p = fromMicros(us)
	}
	return nil
}

type ndate struct{ p *ratsinfo.Date }

func (n ndate) Scan(v any) error {
	var s string
	if err := (nstr{&s}).Scan(v); err != nil {
		return err
	}
	d, err := ratsinfo.ParseDate(s)
	*n.p = d
	return err
}

type nstrs struct{ p *[]string }

func (n nstrs) Scan(v any) error {
	var s string
	if err := (nstr{&s}).Scan(v); err != nil {
		return err
	}
	*n.p = nil
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), n.p)
}

type nposition struct{ p *int }

func (n nposition) Scan(v any) error {
	var i int64
	err := (nint{&i}).Scan(v)
	*n.p = int(i)
	return err
}
