import type { FileSource, UploadResult } from './widget-form-context';

/**
 * A {@link FileSource} over the attachment API (`POST /api/files` with the raw bytes, `GET /api/files/:id`), with
 * upload progress from XMLHttpRequest (fetch reports none). `authorization` is read on each call, so a refreshed
 * token is used; `lang` goes in Accept-Language so the server's messages match the form.
 */
export function createXhrFileSource(options: {
  baseUrl: string;
  authorization?: () => string | undefined;
  lang?: string;
}): FileSource {
  const headers = (): Record<string, string> => {
    const auth = options.authorization?.();
    return {
      accept: 'application/json',
      'accept-language': options.lang ?? 'vi',
      ...(auth ? { authorization: auth } : {}),
    };
  };
  return {
    upload(file, onProgress, signal) {
      return new Promise<UploadResult>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${options.baseUrl}/api/files`);
        for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
        xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
        xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
        xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
        xhr.onerror = () => resolve({ ok: false, status: 0, code: 'network', message: '' });
        xhr.onabort = () => resolve({ ok: false, status: 0, code: 'aborted', message: '' });
        xhr.onload = () => {
          let body: {
            fileId?: string;
            contentType?: string;
            size?: number;
            fileName?: string | null;
            error?: { code?: string; message?: string };
          } = {};
          try {
            body = JSON.parse(xhr.responseText) as typeof body;
          } catch {
            // a proxy's HTML error page: status only
          }
          if (xhr.status === 201 && body.fileId) {
            resolve({
              ok: true,
              file: {
                fileId: body.fileId,
                contentType: body.contentType ?? file.type,
                size: body.size ?? file.size,
                fileName: body.fileName ?? null,
              },
            });
          } else {
            resolve({
              ok: false,
              status: xhr.status,
              code: body.error?.code ?? `http_${xhr.status}`,
              message: body.error?.message ?? xhr.statusText,
            });
          }
        };
        signal?.addEventListener('abort', () => xhr.abort());
        xhr.send(file);
      });
    },
    async load(fileId) {
      const res = await fetch(`${options.baseUrl}/api/files/${encodeURIComponent(fileId)}`, { headers: headers() });
      return res.ok ? res.blob() : undefined;
    },
  };
}
