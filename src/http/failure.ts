// Why a request got no response, shared by the client and the TLS reader.

export type HttpErrorCode = 'refused' | 'dns' | 'timeout' | 'tls' | 'reset' | 'budget' | 'redirect-loop' | 'aborted' | 'other';

export interface HttpFailure {
  url: string;
  method: string;
  code: HttpErrorCode;
  message: string;
}
