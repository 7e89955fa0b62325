//go:build !unix

package journal

func fifoCases() []oddCase {
	return nil
}
