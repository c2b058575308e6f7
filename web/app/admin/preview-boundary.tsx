import { Component, type ReactNode } from 'react';

/**
 * Keeps a definition that react-jsonschema-form cannot render (a schema the registry would refuse) from taking the
 * page down: the preview says why instead, and the rest of the page (the diff, the publish button) stays.
 */
export class PreviewBoundary extends Component<
  { failed(message: string): ReactNode; children: ReactNode },
  { message: string | undefined }
> {
  override state: { message: string | undefined } = { message: undefined };

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.message === undefined ? this.props.children : this.props.failed(this.state.message);
  }
}
