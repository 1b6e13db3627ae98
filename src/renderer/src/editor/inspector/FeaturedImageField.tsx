import type { ArticleMeta } from '../useArticleSession'
import { pickImageFiles, uploadImage } from '../media/add-image-files'

interface Props {
  image: ArticleMeta['featuredImage']
  mediaUrl: (src: string) => string
  onChange: (image: ArticleMeta['featuredImage']) => void
  onError: (error: unknown) => void
}

/** The article's lead picture, copied into the library, with the alt text readers of screen readers hear. */
export function FeaturedImageField({ image, mediaUrl, onChange, onError }: Props): React.JSX.Element {
  const choose = async (): Promise<void> => {
    const [file] = await pickImageFiles()
    if (file) onChange({ src: await uploadImage(file), alt: image?.alt ?? '' })
  }
  return (
    <fieldset className="field featured-image">
      <legend>Featured image</legend>
      {image && <img src={mediaUrl(image.src)} alt="" />}
      <div className="featured-image-actions">
        <button type="button" onClick={() => void choose().catch(onError)}>
          {image ? 'Replace…' : 'Choose image…'}
        </button>
        {image && (
          <button type="button" className="ghost" onClick={() => onChange(null)}>
            Remove
          </button>
        )}
      </div>
      {image && (
        <label className="featured-image-alt">
          <span>Alt text</span>
          <input
            value={image.alt}
            maxLength={1000}
            placeholder="What the picture shows"
            onChange={(event) => onChange({ ...image, alt: event.target.value })}
          />
        </label>
      )}
    </fieldset>
  )
}
