import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/** The invite link as a QR code, so a guest can open it on a phone (rendered to a data: URL). Key it by link. */
export function InviteQr(props: { link: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    toDataURL(props.link, { margin: 1, width: 176, errorCorrectionLevel: 'M' })
      .then((url) => current && setSrc(url))
      .catch(() => current && setSrc(null));
    return () => {
      current = false;
    };
  }, [props.link]);
  return src ? (
    <img className="invite-qr" src={src} width={176} height={176} alt="QR code for the invite link" />
  ) : (
    <div className="invite-qr placeholder" aria-hidden="true" />
  );
}
