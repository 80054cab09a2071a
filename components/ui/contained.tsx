'use client';

import { Component, type ReactNode } from 'react';

/**
 * Keeps a part of a page that failed (a map whose script could not load on a dropped connection)
 * from taking the whole page down to the error view: the part is replaced by `fallback`, and the
 * rest of the page, with what was typed in it, stays as it is.
 */
export class Contained extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
